package io.missive.schemas;

import static io.missive.events.Status.DELIVERED;
import static io.missive.events.Status.EXPIRED;
import static io.missive.events.Status.FAILED;
import static io.missive.events.Status.IN_PROGRESS;
import static io.missive.events.Status.PENDING;
import static io.missive.events.Status.READ;
import static io.missive.events.Status.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusesUnitTest {

    @Test
    void codesAreTheSeedsCodes() {
        assertThat(Statuses.code(PENDING)).isZero();
        assertThat(Statuses.code(DELIVERED)).isEqualTo(1);
        assertThat(Statuses.code(SENT)).isEqualTo(2);
        assertThat(Statuses.code(IN_PROGRESS)).isEqualTo(3);
        assertThat(Statuses.code(FAILED)).isEqualTo(4);
        assertThat(Statuses.code(EXPIRED)).isEqualTo(5);
        assertThat(Statuses.code(READ)).isEqualTo(6);
        assertThat(Statuses.fromCode(3)).isEqualTo(IN_PROGRESS);
        assertThat(Statuses.fromCode(6)).isEqualTo(READ);
        assertThatThrownBy(() -> Statuses.fromCode(7)).hasMessageContaining("0 to 6");
    }

    @Test
    void progressOnlyMovesForwardAndTerminalIsFinal() {
        assertThat(Statuses.movesForward(PENDING, IN_PROGRESS)).isTrue();
        assertThat(Statuses.movesForward(IN_PROGRESS, SENT)).isTrue();
        assertThat(Statuses.movesForward(SENT, DELIVERED)).isTrue();
        assertThat(Statuses.movesForward(PENDING, FAILED)).isTrue();
        assertThat(Statuses.movesForward(SENT, IN_PROGRESS)).isFalse();
        assertThat(Statuses.movesForward(DELIVERED, SENT)).isFalse();
        assertThat(Statuses.movesForward(DELIVERED, FAILED)).isFalse();
        assertThat(Statuses.movesForward(SENT, SENT)).isFalse();
    }

    @Test
    void readFollowsDeliveredAndNothingFollowsRead() {
        assertThat(Statuses.movesForward(DELIVERED, READ)).isTrue();
        assertThat(Statuses.movesForward(SENT, READ)).as("READ before DELIVERED: reordered receipts").isTrue();
        assertThat(Statuses.movesForward(READ, DELIVERED)).isFalse();
        assertThat(Statuses.movesForward(FAILED, READ)).isFalse();
        assertThat(Statuses.isTerminal(DELIVERED)).isFalse();
        assertThat(Statuses.isSettled(DELIVERED)).isTrue();
        assertThat(Statuses.isTerminal(READ)).isTrue();
    }

    @Test
    void deliveredAndReadAgreeButNotWithAFailure() {
        assertThat(Statuses.contradicts(DELIVERED, READ)).isFalse();
        assertThat(Statuses.contradicts(READ, DELIVERED)).isFalse();
        assertThat(Statuses.contradicts(DELIVERED, FAILED)).isTrue();
        assertThat(Statuses.contradicts(READ, EXPIRED)).isTrue();
        assertThat(Statuses.contradicts(FAILED, READ)).isTrue();
        assertThat(Statuses.contradicts(SENT, FAILED)).as("SENT is not settled").isFalse();
    }
}

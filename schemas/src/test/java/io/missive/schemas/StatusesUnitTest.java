package io.missive.schemas;

import static io.missive.events.Status.DELIVERED;
import static io.missive.events.Status.EXPIRED;
import static io.missive.events.Status.FAILED;
import static io.missive.events.Status.IN_PROGRESS;
import static io.missive.events.Status.PENDING;
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
        assertThat(Statuses.fromCode(3)).isEqualTo(IN_PROGRESS);
        assertThatThrownBy(() -> Statuses.fromCode(6)).hasMessageContaining("0 to 5");
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
}

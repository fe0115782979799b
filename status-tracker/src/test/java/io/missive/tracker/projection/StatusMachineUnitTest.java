package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The status machine alone: forward only, terminal is final, conflicting terminals are anomalies. */
class StatusMachineUnitTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aMessageMovesOnlyForwardAlongTheOrderOfProgress() {
        var progress = pending();
        progress = progress.apply(report("a", Status.IN_PROGRESS, 1, null)).progress();
        progress = progress.apply(report("b", Status.SENT, 2, null)).progress();
        assertThat(progress.status()).isEqualTo(Status.SENT);
        progress = progress.apply(report("c", Status.IN_PROGRESS, 3, null)).progress();
        progress = progress.apply(report("d", Status.PENDING, 4, null)).progress();
        assertThat(progress.status()).isEqualTo(Status.SENT);
        assertThat(progress.lifecycle()).isInstanceOf(Lifecycle.Open.class);
    }

    @Test
    void sentAfterDeliveredLeavesDeliveredButRecordsWhenItWasSent() {
        var delivered = pending().apply(report("a", Status.DELIVERED, 20, null)).progress();
        var applied = delivered.apply(report("b", Status.SENT, 10, null));
        assertThat(applied.progress().status()).isEqualTo(Status.DELIVERED);
        assertThat(applied.progress().sentAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(applied.history().anomaly()).isFalse();
    }

    @Test
    void aConflictingTerminalReportIsAnAnomalyAndChangesNothing() {
        var delivered = pending().apply(report("a", Status.DELIVERED, 20, null)).progress();
        var failed = delivered.apply(report("b", Status.FAILED, 30, "LATE_FAILURE"));
        assertThat(failed.history().anomaly()).isTrue();
        assertThat(failed.progress().status()).isEqualTo(Status.DELIVERED);
        assertThat(failed.progress().reason()).isNull();
        assertThat(failed.progress().lifecycle()).as("delivered is settled; only READ may follow").isInstanceOf(Lifecycle.Settled.class);

        var again = delivered.apply(report("c", Status.DELIVERED, 40, null));
        assertThat(again.history().anomaly()).as("the same terminal status reported twice").isFalse();
    }

    @Test
    void readFollowsDeliveredWithoutMovingTheTimeTheDeliveryWasSettled() {
        var delivered = pending().apply(report("a", Status.DELIVERED, 20, null)).progress();
        var read = delivered.apply(report("b", Status.READ, 30, null));
        assertThat(read.progress().status()).isEqualTo(Status.READ);
        assertThat(read.progress().lifecycle()).isInstanceOf(Lifecycle.Closed.class);
        assertThat(read.progress().finishedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(read.progress().readAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(read.history().anomaly()).isFalse();
    }

    @Test
    void readBeforeDeliveredGivesTheSameStatusAndTimesAsTheOtherOrder() {
        var inOrder = fold(List.of(report("s", Status.SENT, 1, null), report("d", Status.DELIVERED, 20, null),
                report("r", Status.READ, 30, null)));
        var reordered = pending().apply(report("s", Status.SENT, 1, null)).progress()
                .apply(report("r", Status.READ, 30, null)).progress();
        var late = reordered.apply(report("d", Status.DELIVERED, 20, null));
        assertThat(late.history().anomaly()).as("DELIVERED agrees with READ").isFalse();
        assertThat(late.progress().status()).isEqualTo(inOrder.status()).isEqualTo(Status.READ);
        assertThat(late.progress().deliveredAt()).isEqualTo(inOrder.deliveredAt());
        assertThat(late.progress().readAt()).isEqualTo(inOrder.readAt());
    }

    @Test
    void readAgainstAFailureIsAnAnomalyAndAFailureAgainstReadToo() {
        var failed = pending().apply(report("a", Status.FAILED, 20, "SPOTHIT_6")).progress();
        var read = failed.apply(report("b", Status.READ, 30, null));
        assertThat(read.history().anomaly()).isTrue();
        assertThat(read.progress().status()).isEqualTo(Status.FAILED);

        var wasRead = pending().apply(report("c", Status.READ, 20, null)).progress();
        assertThat(wasRead.apply(report("d", Status.EXPIRED, 30, null)).history().anomaly()).isTrue();
    }

    @Test
    void theReasonIsTheOneOfTheReportThatClosedTheMessage() {
        var failed = pending().apply(report("a", Status.SENT, 1, null)).progress()
                .apply(report("b", Status.FAILED, 2, "SAFEGUARD")).progress();
        assertThat(failed.reason()).isEqualTo("SAFEGUARD");
        assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void withOneTerminalReportTheOutcomeDoesNotDependOnTheOrder() {
        var reports = List.of(report("a", Status.IN_PROGRESS, 1, null), report("b", Status.IN_PROGRESS, 2, null),
                report("c", Status.SENT, 3, null), report("d", Status.SENT, 4, null),
                report("e", Status.EXPIRED, 50, "validity"));
        var expected = fold(reports);
        var random = new Random(1);
        for (int i = 0; i < 50; i++) {
            var shuffled = new ArrayList<>(reports);
            Collections.shuffle(shuffled, random);
            assertThat(fold(shuffled)).isEqualTo(expected);
        }
        assertThat(expected.status()).isEqualTo(Status.EXPIRED);
        assertThat(expected.sentAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(expected.attempts()).as("the highest attempt reported").isEqualTo(50);
    }

    private static MessageProgress fold(List<Transition> reports) {
        var progress = pending();
        for (var report : reports) {
            progress = progress.apply(report).progress();
        }
        return progress;
    }

    private static MessageProgress pending() {
        return new MessageProgress("m-1", Lifecycle.at(Status.PENDING), T0, null, null, null, null, null);
    }

    private static Transition report(String eventId, Status status, int second, @Nullable String reason) {
        return new Transition("m-1", eventId, status, T0.plusSeconds(second), "test", reason, second);
    }
}

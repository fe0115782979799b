package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A batch's reports folded into its messages, without a database: order, anomalies and latency figures. */
class StatusFoldUnitTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aMessagesReportsApplyInTheOrderTheBatchReadThemNotByTheirTime() {
        var current = Map.of("m-1", pending("m-1"));
        var failedFirst = StatusFold.fold(current, List.of(
                report("m-1", "delivered", Status.DELIVERED, 10, 1), report("m-1", "failed", Status.FAILED, 20, 0)));
        assertThat(failedFirst.progressed()).singleElement()
                .satisfies(progress -> assertThat(progress.status()).isEqualTo(Status.FAILED));
        assertThat(failedFirst.anomalies()).singleElement()
                .satisfies(anomaly -> {
                    assertThat(anomaly.report().eventId()).isEqualTo("delivered");
                    assertThat(anomaly.kept()).isEqualTo(Status.FAILED);
                });

        var deliveredFirst = StatusFold.fold(current, List.of(
                report("m-1", "delivered", Status.DELIVERED, 10, 0), report("m-1", "failed", Status.FAILED, 20, 1)));
        assertThat(deliveredFirst.progressed().getFirst().status()).isEqualTo(Status.DELIVERED);
        assertThat(deliveredFirst.anomalies()).extracting(anomaly -> anomaly.report().eventId()).containsExactly("failed");
    }

    @Test
    void aReceiptParkedByAnEarlierBatchComesBeforeTheBatchsOwnReports() {
        var folded = StatusFold.fold(Map.of("m-1", sent("m-1")), List.of(
                report("m-1", "expired", Status.EXPIRED, 90, 0), report("m-1", "parked", Status.DELIVERED, 95, -1)));
        assertThat(folded.progressed().getFirst().status()).isEqualTo(Status.DELIVERED);
        assertThat(folded.anomalies()).extracting(anomaly -> anomaly.report().eventId()).containsExactly("expired");
    }

    @Test
    void reportsReadAtTheSamePositionApplyInTheOrderTheyHappened() {
        var folded = StatusFold.fold(Map.of("m-1", sent("m-1")), List.of(
                report("m-1", "late", Status.FAILED, 60, -1), report("m-1", "early", Status.DELIVERED, 30, -1)));
        assertThat(folded.progressed().getFirst().status()).isEqualTo(Status.DELIVERED);
        assertThat(folded.history()).extracting(entry -> entry.report().eventId()).containsExactly("early", "late");
    }

    @Test
    void everyReportIsKeptInHistoryAndOnlyConflictingTerminalsAreAnomalies() {
        var folded = StatusFold.fold(Map.of("m-1", pending("m-1")), List.of(
                report("m-1", "a", Status.IN_PROGRESS, 1, 0), report("m-1", "b", Status.SENT, 2, 1),
                report("m-1", "c", Status.DELIVERED, 3, 2), report("m-1", "d", Status.DELIVERED, 4, 3),
                report("m-1", "e", Status.EXPIRED, 5, 4), report("m-1", "f", Status.SENT, 6, 5)));
        assertThat(folded.history()).extracting(entry -> entry.report().eventId() + ":" + entry.anomaly())
                .containsExactly("a:false", "b:false", "c:false", "d:false", "e:true", "f:false");
        assertThat(folded.anomalies()).hasSize(1);
        var progress = folded.progressed().getFirst();
        assertThat(progress.status()).isEqualTo(Status.DELIVERED);
        assertThat(progress.finishedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void eachMessageFoldsItsOwnReportsAndAMessageWithoutARowIsLeftOut() {
        var folded = StatusFold.fold(Map.of("m-1", pending("m-1"), "m-2", pending("m-2")), List.of(
                report("m-2", "m2-sent", Status.SENT, 2, 0), report("m-3", "m3-sent", Status.SENT, 2, 1),
                report("m-1", "m1-failed", Status.FAILED, 3, 2)));
        assertThat(folded.progressed()).extracting(progress -> progress.messageId() + ":" + progress.status())
                .containsExactly("m-1:FAILED", "m-2:SENT");
        assertThat(folded.history()).extracting(entry -> entry.report().eventId()).doesNotContain("m3-sent");
    }

    @Test
    void latencyFiguresCountOnlyMessagesThatBecameSentOrDeliveredInTheBatch() {
        var folded = StatusFold.fold(Map.of("new", pending("new"), "already-sent", sent("already-sent")), List.of(
                report("new", "new-sent", Status.SENT, 70, 0), report("new", "new-delivered", Status.DELIVERED, 75, 1),
                report("already-sent", "again", Status.SENT, 80, 2)));
        assertThat(folded.plannedToSent()).containsExactly(Duration.ofSeconds(70));
        assertThat(folded.sentToDelivered()).containsExactly(Duration.ofSeconds(5));

        var second = StatusFold.fold(Map.of("already-sent", sent("already-sent")), List.of(
                report("already-sent", "delivered", Status.DELIVERED, 100, 0)));
        assertThat(second.plannedToSent()).isEmpty();
        assertThat(second.sentToDelivered()).containsExactly(Duration.ofSeconds(50));
    }

    @Test
    void aReportStampedBeforeWhatItFollowsCountsAsNoDelayAndAnUnplannedMessageAsNone() {
        var folded = StatusFold.fold(Map.of("early", pending("early"), "unplanned", unplanned("unplanned")), List.of(
                report("early", "sent", Status.SENT, -5, 0), report("unplanned", "sent-2", Status.SENT, 5, 1)));
        assertThat(folded.plannedToSent()).containsExactly(Duration.ZERO);
    }

    @Test
    void nothingToFoldChangesNothing() {
        var folded = StatusFold.fold(Map.of("m-1", pending("m-1")), List.of());
        assertThat(folded).isEqualTo(StatusFold.Result.NOTHING);
    }

    private static MessageProgress pending(String messageId) {
        return new MessageProgress(messageId, Lifecycle.at(Status.PENDING), T0, null, null, null, null, null);
    }

    private static MessageProgress unplanned(String messageId) {
        return new MessageProgress(messageId, Lifecycle.at(Status.PENDING), null, null, null, null, null, null);
    }

    private static MessageProgress sent(String messageId) {
        return new MessageProgress(messageId, Lifecycle.at(Status.SENT), T0, T0.plusSeconds(50), null, null, null, 1);
    }

    private static StatusFold.Report report(String messageId, String eventId, Status status, int second, int position) {
        return new StatusFold.Report(transition(messageId, eventId, status, second, null), position);
    }

    private static Transition transition(String messageId, String eventId, Status status, int second, @Nullable String reason) {
        return new Transition(messageId, eventId, status, T0.plusSeconds(second), "test", reason, null);
    }
}

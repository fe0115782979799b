package io.missive.tracker.projection;

import io.missive.events.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch's status reports folded into the messages they concern, through {@link MessageProgress}
 * and its {@link Lifecycle}: each message's reports in the order they were read (a receipt parked by
 * an earlier batch first), then by occurredAt. Also what the metrics learn from it: the anomalies and,
 * for messages that became SENT or DELIVERED, how long it took.
 */
public final class StatusFold {

    private StatusFold() {
    }

    /**
     * One report and where the batch read it; a receipt stored by an earlier batch has a negative
     * position, so that it comes before the batch's own reports.
     */
    public record Report(Transition transition, int position) {
    }

    /** A terminal report conflicting with the terminal status the message keeps. */
    public record Anomaly(Transition report, Status kept) {
    }

    /**
     * @param progressed      the new progress of every message that had reports (in message-id order)
     * @param history         every report applied, anomalies flagged
     * @param plannedToSent   for messages that became SENT, the time since they were planned (never negative)
     * @param sentToDelivered for messages that became DELIVERED, the time since they were sent (never negative)
     */
    public record Result(
            List<MessageProgress> progressed,
            List<MessageProgress.HistoryEntry> history,
            List<Anomaly> anomalies,
            List<Duration> plannedToSent,
            List<Duration> sentToDelivered) {

        public static final Result NOTHING = new Result(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Folds {@code reports} into {@code current}, the messages' progress before the batch; a report for a
     * message not in {@code current} is left out (the store holds no row for it).
     */
    public static Result fold(Map<String, MessageProgress> current, Collection<Report> reports) {
        var perMessage = new TreeMap<String, List<Report>>();
        for (var report : reports) {
            perMessage.computeIfAbsent(report.transition().messageId(), id -> new ArrayList<>()).add(report);
        }
        var progressed = new ArrayList<MessageProgress>();
        var history = new ArrayList<MessageProgress.HistoryEntry>();
        var anomalies = new ArrayList<Anomaly>();
        var plannedToSent = new ArrayList<Duration>();
        var sentToDelivered = new ArrayList<Duration>();
        for (var entry : perMessage.entrySet()) {
            var before = current.get(entry.getKey());
            if (before == null) {
                continue;
            }
            var progress = before;
            var ordered = entry.getValue();
            ordered.sort(Comparator.comparingInt(Report::position).thenComparing(r -> r.transition().occurredAt()));
            for (var report : ordered) {
                var applied = progress.apply(report.transition());
                progress = applied.progress();
                history.add(applied.history());
                if (applied.history().anomaly()) {
                    anomalies.add(new Anomaly(report.transition(), progress.status()));
                }
            }
            if (before.sentAt() == null && progress.sentAt() != null && progress.plannedAt() != null) {
                plannedToSent.add(nonNegative(Duration.between(progress.plannedAt(), progress.sentAt())));
            }
            if (before.deliveredAt() == null && progress.deliveredAt() != null && progress.sentAt() != null) {
                sentToDelivered.add(nonNegative(Duration.between(progress.sentAt(), progress.deliveredAt())));
            }
            progressed.add(progress);
        }
        return new Result(progressed, history, anomalies, plannedToSent, sentToDelivered);
    }

    // A report stamped before the one it follows (the services' clocks differ) counts as no delay, not a negative one.
    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}

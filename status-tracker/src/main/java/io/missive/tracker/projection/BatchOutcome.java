package io.missive.tracker.projection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one applied batch changed, for the metrics (recorded once the transaction committed).
 *
 * @param applied        new events applied, per event type (duplicates already projected are not counted)
 * @param duplicates     events found applied before (a redelivery) and skipped
 * @param anomalies      terminal reports conflicting with a terminal status already reached
 * @param plannedToSent  for messages that became SENT in this batch, the time since they were planned
 * @param sentToDelivered for messages that became DELIVERED in this batch, the time since they were sent
 */
public record BatchOutcome(
        Map<String, Integer> applied,
        int duplicates,
        int anomalies,
        List<Duration> plannedToSent,
        List<Duration> sentToDelivered) {

    public BatchOutcome {
        applied = Map.copyOf(applied);
        plannedToSent = List.copyOf(plannedToSent);
        sentToDelivered = List.copyOf(sentToDelivered);
    }

    public int appliedTotal() {
        return applied.values().stream().mapToInt(Integer::intValue).sum();
    }
}

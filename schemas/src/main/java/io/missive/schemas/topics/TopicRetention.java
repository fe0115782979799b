package io.missive.schemas.topics;

import java.time.Duration;
import java.util.Map;

/**
 * How long Kafka keeps each catalog topic (docs/decisions/0022), the source of {@code retention.ms} and
 * {@code delete.retention.ms} in deploy/. Event streams carry phones and bodies, so they are kept only as long as a
 * consumer may need to replay them: {@link #EVENTS} (a week covers a long weekend's outage plus a replay). Compacted
 * topics keep the current state of each key forever ({@code retention.ms=-1}) and a tombstone for
 * {@link #TOMBSTONES}, long enough for every consumer, even one stopped for days, to see a delete (an erasure's
 * directory tombstone, an opt-out moved to its hash). Dead letters stay longer, for an operator to look at.
 */
public final class TopicRetention {

    public static final Duration EVENTS = Duration.ofDays(7);
    public static final Duration TOMBSTONES = Duration.ofDays(7);
    public static final Duration DEAD_LETTERS = Duration.ofDays(14);

    /** Topics kept longer or shorter than {@link #EVENTS}. */
    private static final Map<String, Duration> EXCEPTIONS = Map.of(
            // Confirmations carry no personal data (ids, counts); a month lets a rebuilt tracker read them again.
            Topics.ERASURES_NAME, Duration.ofDays(30));

    private TopicRetention() {
    }

    /** {@code retention.ms}: -1 (forever) for a compacted topic, whose size is bounded by its keys. */
    public static long retentionMs(Topic topic) {
        return topic.compacted() ? -1 : EXCEPTIONS.getOrDefault(topic.name(), EVENTS).toMillis();
    }

    /** {@code delete.retention.ms}: how long a compacted topic keeps a tombstone. */
    public static long deleteRetentionMs(Topic topic) {
        return TOMBSTONES.toMillis();
    }

    public static long deadLetterRetentionMs() {
        return DEAD_LETTERS.toMillis();
    }
}

package io.missive.tracker.projection;

import io.missive.events.Channel;
import io.missive.events.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One status report resolved to the message it concerns, with the channel it names (a SENT names the
 * channel taken) and whether it reports an RCS message delivered by SMS fallback.
 */
public record Transition(
        String messageId,
        String eventId,
        Status status,
        Instant occurredAt,
        String source,
        @Nullable String reason,
        @Nullable Integer attempts,
        @Nullable Channel channel,
        boolean fallback) {

    /** A report that names no channel. */
    public Transition(String messageId, String eventId, Status status, Instant occurredAt, String source,
                      @Nullable String reason, @Nullable Integer attempts) {
        this(messageId, eventId, status, occurredAt, source, reason, attempts, null, false);
    }
}

package io.missive.tracker.projection;

import io.missive.events.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One status report resolved to the message it concerns. */
public record Transition(
        String messageId,
        String eventId,
        Status status,
        Instant occurredAt,
        String source,
        @Nullable String reason,
        @Nullable Integer attempts) {
}

package io.missive.aircall.dispatch;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message's row in the dispatch ledger. {@code version} grows with every change, so that an
 * announcement marks as announced only the state it published.
 */
public record LedgerEntry(
        OutboundMessage message,
        DispatchState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String aircallMessageId,
        @Nullable String reason,
        int version,
        Instant receivedAt) {
}

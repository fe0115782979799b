package io.missive.spothit.dispatch;

import org.jspecify.annotations.Nullable;

/** One message in the dispatch ledger. */
public record LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                          @Nullable String spotHitMessageId, @Nullable String reason, int attempts) {
}

package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One message in the dispatch ledger; once SENT, the channel it took and whether that was the SMS
 * fallback of a refused RCS call ({@code reason} then says why); {@code batchId}, the last call it
 * was part of (an unknown outcome names it, decision 0504).
 */
public record LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                          @Nullable String spotHitMessageId, @Nullable String reason, int attempts,
                          @Nullable Channel channel, boolean fallback, @Nullable String batchId) {

    public LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                       @Nullable String spotHitMessageId, @Nullable String reason, int attempts,
                       @Nullable Channel channel, boolean fallback) {
        this(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, channel, fallback, null);
    }

    public LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                       @Nullable String spotHitMessageId, @Nullable String reason, int attempts) {
        this(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, null, false);
    }
}

package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One message in the dispatch ledger; once SENT, the channel it took and whether that was the SMS
 * fallback of a refused RCS call ({@code reason} then says why).
 */
public record LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                          @Nullable String spotHitMessageId, @Nullable String reason, int attempts,
                          @Nullable Channel channel, boolean fallback) {

    public LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                       @Nullable String spotHitMessageId, @Nullable String reason, int attempts) {
        this(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, null, false);
    }
}

package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message in the dispatch ledger; once SENT, the channel it took and whether that was the SMS
 * fallback of a refused RCS call ({@code reason} then says why); {@code batchId}, the last call it
 * was part of (an unknown outcome names it, decision 0504); when PARKED, as read by the parking,
 * its next attempt and how many times it was parked.
 */
public record LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                          @Nullable String spotHitMessageId, @Nullable String reason, int attempts,
                          @Nullable Channel channel, boolean fallback, @Nullable String batchId,
                          @Nullable Instant nextAttemptAt, int parks) {

    public LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                       @Nullable String spotHitMessageId, @Nullable String reason, int attempts,
                       @Nullable Channel channel, boolean fallback, @Nullable String batchId) {
        this(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, channel, fallback, batchId, null, 0);
    }

    public LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                       @Nullable String spotHitMessageId, @Nullable String reason, int attempts,
                       @Nullable Channel channel, boolean fallback) {
        this(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, channel, fallback, null);
    }

    /** The entry as parked: when it is tried again, and its parks so far. */
    public LedgerEntry parked(Instant next, int parksSoFar) {
        return new LedgerEntry(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, channel, fallback,
                batchId, next, parksSoFar);
    }

    public LedgerEntry(String messageId, String campaignId, String phone, DispatchState state,
                       @Nullable String spotHitMessageId, @Nullable String reason, int attempts) {
        this(messageId, campaignId, phone, state, spotHitMessageId, reason, attempts, null, false);
    }
}

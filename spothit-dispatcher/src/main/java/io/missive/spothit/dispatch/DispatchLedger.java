package io.missive.spothit.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The exactly-once record of what was sent to SpotHit: written before each call, settled after it.
 * Every transition is conditional on the current state, so two dispatcher instances (or a
 * redelivered record racing the original) never both send, nor both settle, the same message.
 * Attempts accumulate: each settlement adds the attempts of its call.
 */
public interface DispatchLedger {

    /** Records the messages as PENDING unless already known; returns every given message's entry. */
    Map<String, LedgerEntry> claim(List<RequestedMessage> messages);

    /** Moves the call's messages that are in state {@code from} (PENDING, or PARKED and due) to SENDING; returns the ids it moved. */
    Set<String> startSending(BulkSms sms, DispatchState from);

    /**
     * Settles the call's SENDING messages as SENT on the call's channel; {@code fallbackNote}, when the
     * call went as SMS after SpotHit refused it as RCS, says so. Returns the entries it settled.
     */
    List<LedgerEntry> settleSent(BulkSms sms, String spotHitMessageId, int attempts, @Nullable String fallbackNote);

    /** Settles messages that are in state {@code from} as FAILED; returns the entries it settled. */
    List<LedgerEntry> settleFailed(Collection<String> messageIds, DispatchState from, String reason, int attempts);

    /** The messages' rows forget their phone (their parent was erased); id, campaign and state stay. */
    void forgetPhones(Collection<String> messageIds);

    /**
     * After a transient failure of the call (its SENDING messages), or before any call while SpotHit is known to be
     * away (messages still PENDING, or PARKED and due, never claimed): those whose deadline has passed are FAILED
     * with {@link Parking#gaveUpReason}, the others PARKED with their content and the time of their next attempt.
     */
    Parked park(BulkSms sms, DispatchState from, Collection<RequestedMessage> messages, String failure, int attempts,
                Parking parking);

    /** Parked messages whose next attempt is due, in the order they were planned. */
    List<RequestedMessage> dueParked(int limit);

    /** Makes every parked message due now (SpotHit answered again); returns how many. */
    int wakeParked();

    /** How many messages are parked, and the earliest next attempt. */
    ParkedSummary parkedSummary();

    /** Messages in SENDING for longer than {@code olderThan}: their dispatcher died mid-call. */
    List<LedgerEntry> stuckSending(Duration olderThan, int limit);

    /**
     * @param gaveUp      messages FAILED because their deadline passed
     * @param firstParked messages whose park is announced: the first, then every power of two ({@link StatusChange.Retrying#announces})
     * @param parked      how many messages were parked, first time or not
     */
    record Parked(List<LedgerEntry> gaveUp, List<LedgerEntry> firstParked, int parked) {
    }

    /** Every parked message and the earliest next attempt, and the same per campaign. */
    record ParkedSummary(long messages, @Nullable Instant nextAttempt, List<Campaign> campaigns) {

        public ParkedSummary(long messages, @Nullable Instant nextAttempt) {
            this(messages, nextAttempt, List.of());
        }

        public static ParkedSummary of(List<Campaign> campaigns) {
            return new ParkedSummary(campaigns.stream().mapToLong(Campaign::messages).sum(),
                    campaigns.stream().map(Campaign::nextAttempt).min(Instant::compareTo).orElse(null), List.copyOf(campaigns));
        }

        public record Campaign(String campaignId, long messages, Instant nextAttempt) {
        }
    }
}

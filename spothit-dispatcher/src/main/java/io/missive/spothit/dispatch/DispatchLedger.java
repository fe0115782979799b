package io.missive.spothit.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exactly-once record of what was sent to SpotHit: written before each call, settled after it.
 * Every transition is conditional on the current state, so two dispatcher instances (or a
 * redelivered record racing the original) never both send, nor both settle, the same message.
 */
public interface DispatchLedger {

    /** Records the messages as PENDING unless already known; returns every given message's entry. */
    Map<String, LedgerEntry> claim(List<RequestedMessage> messages);

    /** Moves the call's PENDING messages to SENDING under its batch id; returns the ids it moved. */
    Set<String> startSending(BulkSms sms);

    /** Settles the call's SENDING messages as SENT; returns the entries it settled. */
    List<LedgerEntry> settleSent(BulkSms sms, String spotHitMessageId, int attempts);

    /** Settles messages that are in state {@code from} as FAILED; returns the entries it settled. */
    List<LedgerEntry> settleFailed(Collection<String> messageIds, DispatchState from, String reason, int attempts);

    /** Messages in SENDING for longer than {@code olderThan}: their dispatcher died mid-call. */
    List<LedgerEntry> stuckSending(Duration olderThan, int limit);
}

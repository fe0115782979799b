package io.missive.aircall.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every message the dispatcher took, keyed by messageId: it is what makes
 * a send exactly-once (a message is claimed before its call and settled after it) and what keeps
 * the retry schedule across restarts. Changes are announced later, from the same rows (an outbox).
 */
public interface DispatchLedger {

    /** Records a message to send now; false if this messageId is already known (a redelivery). */
    boolean admit(OutboundMessage message, Instant now);

    /** Records a message that fails without a call; false if already known. */
    boolean reject(OutboundMessage message, String reason, Instant now);

    /** Claims the most overdue PENDING message (SENDING, one more attempt), skipping rows others hold. */
    Optional<LedgerEntry> claimNextDue(Instant now);

    /** The time of the next due attempt, if any message is waiting. */
    Optional<Instant> nextDueAt();

    void settleSent(String messageId, String aircallMessageId, Instant now);

    void scheduleRetry(String messageId, Instant nextAttemptAt, String error, Instant now);

    void settleFailed(String messageId, String reason, Instant now);

    /** Gives a claimed message back without counting the attempt (Aircall answered 429). */
    void release(String messageId, Instant nextAttemptAt, Instant now);

    /** Messages left SENDING since before {@code claimedBefore}: their process died mid-call. */
    List<LedgerEntry> stuckSending(Instant claimedBefore);

    /** Changes not announced yet, oldest first. */
    List<LedgerEntry> unannounced(int limit);

    /** A message's row, if the dispatcher took it. */
    Optional<LedgerEntry> find(String messageId);

    /** How many messages are in each state. */
    java.util.Map<DispatchState, Long> countByState();

    /** Marks a change announced, unless the row changed again since. */
    void markAnnounced(String messageId, int version);
}

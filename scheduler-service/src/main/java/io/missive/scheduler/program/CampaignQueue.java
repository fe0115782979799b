package io.missive.scheduler.program;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The due-queue over the campaign store: leases, the durable cursor, and reads of messages by seq. */
public interface CampaignQueue {

    /**
     * Leases one campaign that has work (not yet announced, due and not fully published, or cancelled
     * and not yet failed), skipping campaigns another instance holds. Empty when there is none.
     */
    Optional<Campaign> claim(String owner, Duration lease);

    List<PlannedMessage> messagesAfter(String commandId, int afterSeq, int limit);

    /**
     * Under the campaign's row lock: if it is still PLANNED, still leased to {@code owner} and its cursor
     * still at {@code expectedCursor}, hands {@code batch} (the messages right after the cursor, read
     * beforehand: message rows never change) to {@code send}, which returns once the broker acknowledged
     * it, then advances the cursor and the lease. An empty batch finishes the campaign. A cancel waits
     * for the lock, so it never races a batch.
     */
    BatchResult publishBatch(String commandId, String owner, int expectedCursor, List<PlannedMessage> batch, Duration lease,
                             BatchSender send);

    void markAnnounced(String commandId, String owner);

    void markCancelAnnounced(String commandId, String owner);

    void release(String commandId, String owner);

    @FunctionalInterface
    interface BatchSender {
        void send(Campaign campaign, List<PlannedMessage> batch);
    }

    enum BatchResult { PUBLISHED, FINISHED, STOPPED }
}

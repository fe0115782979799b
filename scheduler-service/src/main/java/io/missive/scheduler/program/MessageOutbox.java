package io.missive.scheduler.program;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the scheduler's events go. Each call hands its events to the producer and returns a future
 * that completes once the broker acknowledged every one of them (or fails): callers move a durable
 * marker only after it completed, and may keep several in flight meanwhile.
 */
public interface MessageOutbox {

    /** {@code MessagePlanned} per message: its PENDING status and the tracker's source for its row. */
    CompletableFuture<Void> planned(Campaign campaign, List<PlannedMessage> messages);

    /** {@code StatusUpdated(FAILED)} with the reason, per message. */
    CompletableFuture<Void> failed(Campaign campaign, List<PlannedMessage> messages, String reason);

    /** {@code MessageRequested} to the campaign's provider topic. */
    CompletableFuture<Void> requested(Campaign campaign, List<PlannedMessage> messages);
}

package io.missive.scheduler.publication;

import io.missive.scheduler.program.Campaign;
import io.missive.scheduler.program.CampaignQueue;
import io.missive.scheduler.program.MessageOutbox;
import io.missive.scheduler.program.PlannedMessage;
import io.missive.scheduler.program.ProgramService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the due-queue: publishes due campaigns from their durable cursor, finishes announcements an
 * acceptance could not complete, and fails the unpublished messages of cancelled campaigns. A crash
 * at any point leaves a lease that lapses; the next claimer resumes from the cursor, so a message is
 * never lost and a re-published one carries the same messageId.
 */
public final class DuePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DuePublisher.class);

    private final CampaignQueue queue;
    private final MessageOutbox outbox;
    private final int batchSize;
    private final Duration lease;
    private final Clock clock;
    private final String owner = "publisher-" + UUID.randomUUID();
    private final ExecutorService prefetch = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    public DuePublisher(CampaignQueue queue, MessageOutbox outbox, int batchSize, Duration lease, Clock clock) {
        this.queue = queue;
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.lease = lease;
        this.clock = clock;
    }

    /** Handles every campaign with work right now; returns how many it handled. */
    public int drain() {
        int handled = 0;
        while (!stopping) {
            var claimed = queue.claim(owner, lease);
            if (claimed.isEmpty()) {
                return handled;
            }
            handled++;
            var campaign = claimed.get();
            try {
                work(campaign);
            } catch (RuntimeException e) {
                LOG.warn("event=publication_interrupted campaignId={} error={}", campaign.commandId(), e.toString(), e);
                return handled;
            } finally {
                queue.release(campaign.commandId(), owner);
            }
        }
        return handled;
    }

    /** Stops between batches; what is unpublished stays behind the cursor for the next claimer. */
    public void stop() {
        stopping = true;
        prefetch.shutdown();
    }

    private void work(Campaign campaign) {
        if (!campaign.announced()) {
            ProgramService.announce(campaign, (after, limit) -> queue.messagesAfter(campaign.commandId(), after, limit), outbox);
            queue.markAnnounced(campaign.commandId(), owner);
            LOG.info("event=campaign_announced campaignId={} recipients={}", campaign.commandId(), campaign.recipientCount());
        }
        if (campaign.state() == Campaign.State.CANCELLED) {
            if (!campaign.cancelAnnounced()) {
                forEachBatch(campaign, campaign.publishedSeq(), batch -> {
                    var unpublished = batch.stream().filter(PlannedMessage::sendable).toList();
                    if (!unpublished.isEmpty()) {
                        outbox.failed(campaign, unpublished, ProgramService.CANCELLED).join();
                    }
                });
                queue.markCancelAnnounced(campaign.commandId(), owner);
                LOG.info("event=campaign_cancelled campaignId={} publishedThroughSeq={}", campaign.commandId(), campaign.publishedSeq());
            }
            return;
        }
        if (campaign.state() != Campaign.State.PLANNED || campaign.dueAt().isAfter(clock.instant())) {
            return;
        }
        long started = System.nanoTime();
        // A small first batch so the first messages leave right at the due time, then up to batchSize.
        // While a batch waits for its acks, the next one is read (message rows never change; the lock
        // and the cursor check are in publishBatch).
        int limit = Math.min(batchSize, 1_000);
        int cursor = campaign.publishedSeq();
        var next = CompletableFuture.completedFuture(queue.messagesAfter(campaign.commandId(), cursor, limit));
        while (!stopping) {
            var batch = next.join();
            int after = batch.isEmpty() ? cursor : batch.getLast().seq();
            int nextLimit = Math.min(batchSize, limit * 4);
            next = batch.isEmpty() ? CompletableFuture.completedFuture(List.of())
                    : CompletableFuture.supplyAsync(() -> queue.messagesAfter(campaign.commandId(), after, nextLimit), prefetch);
            var result = queue.publishBatch(campaign.commandId(), owner, cursor, batch, lease, (current, messages) -> {
                var sendable = messages.stream().filter(PlannedMessage::sendable).toList();
                if (!sendable.isEmpty()) {
                    outbox.requested(current, sendable).join();
                }
            });
            if (result == CampaignQueue.BatchResult.FINISHED) {
                LOG.info("event=campaign_published campaignId={} provider={} messages={} lagMs={} tookMs={}",
                        campaign.commandId(), campaign.provider(), campaign.recipientCount() - campaign.failedCount(),
                        Duration.between(campaign.dueAt(), clock.instant()).toMillis(), (System.nanoTime() - started) / 1_000_000);
                return;
            }
            if (result == CampaignQueue.BatchResult.STOPPED) {
                return;
            }
            cursor = after;
            limit = nextLimit;
        }
    }

    private void forEachBatch(Campaign campaign, int afterSeq, java.util.function.Consumer<List<PlannedMessage>> action) {
        int cursor = afterSeq;
        while (true) {
            var batch = queue.messagesAfter(campaign.commandId(), cursor, batchSize);
            if (batch.isEmpty()) {
                return;
            }
            action.accept(batch);
            cursor = batch.getLast().seq();
        }
    }
}

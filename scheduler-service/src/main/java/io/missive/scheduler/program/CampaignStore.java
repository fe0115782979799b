package io.missive.scheduler.program;

import io.missive.scheduler.resolution.Resolution.Dropped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.Optional;
import java.util.function.Function;

/** The durable side of programs: campaigns, their messages (keyed by campaign and seq) and drops. */
public interface CampaignStore {

    /** A campaign with every failed and dropped recipient. */
    default Optional<CampaignView> find(String commandId) {
        return find(commandId, Integer.MAX_VALUE);
    }

    /**
     * A campaign with its first {@code listed} failed and dropped recipients (in their order), and the counts
     * of both by reason: a page shows a million-recipient campaign without reading every drop.
     */
    Optional<CampaignView> find(String commandId, int listed);

    /**
     * Stores a campaign in one transaction: the {@code draft} row first, then the messages and drops that
     * {@code fill} writes page by page, then the campaign {@code fill} returns (its counts and provider, known
     * only at the end). Nothing is visible before the commit, and an exception from {@code fill} leaves nothing.
     * The campaign is leased to {@code owner} for {@code lease} from the commit, so the due-queue leaves it to
     * the acceptance path while it is being announced.
     *
     * @return the stored campaign, or empty when the command id already exists (a concurrent replay; {@code fill} is not called)
     */
    Optional<Campaign> insert(Campaign draft, String owner, Duration lease, Function<CampaignWriter, Campaign> fill);

    /** Up to {@code limit} messages of the campaign after {@code afterSeq}, by seq. */
    List<PlannedMessage> messagesAfter(String commandId, int afterSeq, int limit);

    /** Records that every message was announced and gives the lease back. */
    void markAnnounced(String commandId, String owner);

    CancelOutcome cancel(String commandId, String reason);

    /**
     * Cancels like {@link #cancel(String, String)}, calling {@code beforeCommit} inside the transaction when the
     * campaign is cancelled now (not when it was already): a failure there (the audit trail away) cancels nothing.
     */
    CancelOutcome cancel(String commandId, String reason, Runnable beforeCommit);

    /** Writes a campaign's pages inside {@link #insert}'s transaction. */
    interface CampaignWriter {

        /** The next messages, by seq. */
        void messages(List<PlannedMessage> messages);

        /**
         * A page's drops. They are stored in the order a reply lists them: every selector drop of the command,
         * then every filter drop, then every opt-out, each in command order (see {@code Resolution.Page}).
         */
        void dropped(List<Dropped> selectorDrops, List<Dropped> filterDrops, List<Dropped> optedOut);

        /** Who sent the command (a token's subject, a Kafka author or {@code kafka}), kept with the campaign. */
        void author(@Nullable String author);
    }

    /** A campaign with what its reply lists. */
    record CampaignView(Campaign campaign, List<FailedRecipient> failed, List<Dropped> dropped, int cancelled,
                        Map<String, Integer> failedByReason, Map<String, Integer> droppedByReason) {
    }

    record FailedRecipient(String recipient, String messageId, String reason) {
    }

    sealed interface CancelOutcome {
        record NotFound() implements CancelOutcome {
        }

        record AlreadyPublished() implements CancelOutcome {
        }

        /** {@code cancelled} messages will not be published (fresh or earlier cancellation). */
        record Cancelled(int cancelled, boolean alreadyCancelled) implements CancelOutcome {
        }
    }
}

package io.missive.scheduler.program;

import io.missive.scheduler.resolution.Resolution.Dropped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable side of programs: campaigns, their messages (keyed by campaign and seq) and drops. */
public interface CampaignStore {

    Optional<CampaignView> find(String commandId);

    /**
     * Stores a campaign with its messages and drops in one transaction, leased to {@code owner} until
     * {@code leaseUntil} so the due-queue leaves it to the acceptance path while it is being announced.
     *
     * @return false when the command id already exists (a concurrent replay)
     */
    boolean insert(Campaign campaign, List<PlannedMessage> messages, List<Dropped> dropped, String owner, Instant leaseUntil);

    /** Records that every message was announced and gives the lease back. */
    void markAnnounced(String commandId, String owner);

    CancelOutcome cancel(String commandId, String reason);

    /** A campaign with what its reply lists. */
    record CampaignView(Campaign campaign, List<FailedRecipient> failed, List<Dropped> dropped, int cancelled) {
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

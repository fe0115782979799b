package io.missive.tracker.query;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign in the list: when the tracker first saw it, its earliest planned time, whom it is from and its
 * counts. The events name no author: {@code supporterId} is that of the first message the tracker saw, the
 * campaign's supporter when the command named one (every message then carries it), an arbitrary one otherwise. {@code state} is
 * {@code ACTIVE} while any message is not at a terminal status, {@code FINISHED} after.
 */
public record CampaignListItem(String campaignId, Instant firstSeenAt, @Nullable Instant plannedAt,
                               @Nullable String supporterId, @Nullable String workshopId, @Nullable String purpose,
                               String state, CampaignSummary summary) {

    public static final String ACTIVE = "ACTIVE";
    public static final String FINISHED = "FINISHED";
}

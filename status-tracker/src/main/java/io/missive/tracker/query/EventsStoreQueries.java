package io.missive.tracker.query;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The reads the query API needs from the Events store. */
public interface EventsStoreQueries {

    Optional<MessageView> message(String messageId);

    Optional<CampaignSummary> campaign(String campaignId);

    /** Campaigns newest first; {@code state} ACTIVE or FINISHED, {@code supporterId} the supporter, each optional. */
    Page<CampaignListItem> campaigns(@Nullable String state, @Nullable String supporterId, int page, int size);

    Page<MessageView> parentMessages(String parentId, int page, int size);

    Page<InboundView> inbound(@Nullable String kind, int page, int size);

    /** A phone's opt-out state and history; empty for a phone that never opted out. */
    Optional<OptOutView> optOut(String phone);
}

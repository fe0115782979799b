package io.missive.tracker.query;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The reads the query API needs from the Events store. */
public interface EventsStoreQueries {

    Optional<MessageView> message(String messageId);

    Optional<CampaignSummary> campaign(String campaignId);

    /** Campaigns newest first; {@code state} ACTIVE or FINISHED, {@code supporterId} the supporter, each optional. */
    Page<CampaignListItem> campaigns(@Nullable String state, @Nullable String supporterId, int page, int size);

    /** The parent's conversation in order, oldest first: messages sent, replies and STOPs, Aircall calls. */
    Page<ConversationEntry> conversation(String parentId, int page, int size);

    Page<InboundView> inbound(@Nullable String kind, int page, int size);

    /** The replies and STOPs tied to the supporter's parents: unread first, then newest first. */
    Page<InboxEntry> supporterInbound(String supporterId, boolean unreadOnly, int page, int size);

    /**
     * Every reply and STOP grouped by supporter (supporters in id order, those tied to none last), each supporter's
     * unread first, then newest first; a reply tied to two supporters' parents is in both groups.
     */
    Page<InboxEntry> inboundBySupporter(@Nullable String kind, int page, int size);

    /** Marks a reply of the supporter's inbox read (once: the first time is kept); false when it is not in their inbox. */
    boolean markRead(String supporterId, String eventId, Instant at);

    /** A phone's opt-out state and history; empty for a phone that never opted out. */
    Optional<OptOutView> optOut(String phone);
}

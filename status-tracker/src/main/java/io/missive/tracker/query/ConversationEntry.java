package io.missive.tracker.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a parent's conversation: a message sent to them, their reply or STOP, or an Aircall call. */
@Schema(description = "One entry of a parent's conversation, oldest first")
public record ConversationEntry(
        @Schema(description = "MESSAGE (sent by Missive), REPLY, STOP or CALL") String kind,
        @Schema(description = "outbound (to the parent) or inbound (from them); a call's is Aircall's") @Nullable String direction,
        @Schema(description = "When: a message's sending (or planned) time, a reply's reception, a call's first event") @Nullable Instant at,
        @Schema(description = "spot_hit or aircall") @Nullable String provider,
        @Schema(description = "The messageId, the reply's eventId or the Aircall call id") String id,
        @Schema(description = "The text sent or received; none for a call") @Nullable String body,
        @Schema(description = "A message's status (DELIVERED…), a call's last Aircall status; none for a reply") @Nullable String status,
        @Schema(description = "Why a message failed") @Nullable String reason,
        @Nullable String campaignId,
        @Schema(description = "The supporter of a message, or of the parent when the reply came") @Nullable String supporterId,
        @Schema(description = "A call's duration") @Nullable Integer durationSeconds) {
}

package io.missive.tracker.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reply or STOP in a supporter's inbox, with the parents it came from (a shared phone: more than one). In the
 * list grouped by supporter, a reply tied to no supporter (its phone unknown to the directory, or its parents
 * without one) has no {@code supporterId}.
 */
@Schema(description = "A reply or STOP a supporter must read")
public record InboxEntry(
        String eventId,
        @Schema(description = "REPLY or STOP") String kind,
        @Schema(description = "spot_hit or aircall") String provider,
        String phone,
        String body,
        Instant receivedAt,
        @Schema(description = "The supporter's parents whose phone it came from") List<String> parentIds,
        @Schema(description = "When the supporter marked it read; none while unread") @Nullable Instant readAt,
        @Schema(description = "The supporter whose inbox it is in; none when no supporter has the parent") @Nullable String supporterId) {

    public InboxEntry {
        parentIds = List.copyOf(parentIds);
    }
}

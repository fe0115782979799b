package io.missive.tracker.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A message as the programme's application's {@code Events::TextMessage} held it, with its status history (oldest first). */
public record MessageView(
        String messageId,
        boolean planned,
        @Nullable String campaignId,
        @Nullable String parentId,
        @Nullable String childId,
        @Nullable String phone,
        @Nullable String messageProvider,
        int status,
        String statusName,
        @Nullable String spotHitMessageId,
        @Nullable String aircallMessageId,
        @Nullable String body,
        @Nullable Integer segments,
        @Nullable String linkCode,
        boolean quitMessage,
        @Nullable String workshopId,
        @Nullable String supporterId,
        @Nullable Instant plannedAt,
        @Nullable Instant sentAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant finishedAt,
        @Nullable String reason,
        @Nullable Integer attempts,
        int clicks,
        List<HistoryEntry> history) {

    /** One reported transition; {@code anomaly} marks a terminal report that conflicted with the terminal status. */
    public record HistoryEntry(String eventId, int status, String statusName, Instant occurredAt, String source,
                               @Nullable String reason, boolean anomaly) {
    }
}

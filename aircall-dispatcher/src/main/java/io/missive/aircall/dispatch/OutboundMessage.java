package io.missive.aircall.dispatch;

import org.jspecify.annotations.Nullable;

/** A message to send through a supporter's Aircall number, as the scheduler requested it. */
public record OutboundMessage(
        String messageId,
        String campaignId,
        String phone,
        String body,
        @Nullable String numberId,
        @Nullable String parentId,
        @Nullable String supporterId) {
}

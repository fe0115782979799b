package io.missive.aircall.dispatch;

import io.missive.schemas.erasure.Erasures;
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

    /** The message of an erased parent as the ledger may keep it: ids and number, no phone, body or parent. */
    public OutboundMessage erased() {
        return new OutboundMessage(messageId, campaignId, Erasures.REDACTED, Erasures.REDACTED, numberId, null, supporterId);
    }
}

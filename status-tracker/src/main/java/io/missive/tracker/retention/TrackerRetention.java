package io.missive.tracker.retention;

import io.missive.schemas.retention.PurgeRule;
import io.missive.schemas.retention.RetentionProperties;
import java.util.List;

/**
 * What the Events store purges (docs/decisions/0022). Finished messages keep status, times, campaign, provider ids and
 * counts for statistics; their phone, body, link and variables go. Opt-outs and their history are never purged.
 */
public final class TrackerRetention {

    private TrackerRetention() {
    }

    public static List<PurgeRule> rules(RetentionProperties policy) {
        return List.of(
                // finished_at is set only on a terminal status: a message still in flight is never redacted.
                PurgeRule.redact("message_bodies", "text_message_events", "phone = null, body = null, link_code = null",
                        "(body is not null or phone is not null) and planned_at < ? and finished_at < ?", policy.messageBodies()),
                PurgeRule.redact("message_bodies", "aircall_messages", "phone = null, body = null",
                        "direction <> 'inbound' and (body is not null or phone is not null) and occurred_at < ?", policy.messageBodies()),
                PurgeRule.redact("message_bodies", "aircall_calls", "phone = null", "phone is not null and occurred_at < ?",
                        policy.messageBodies()),
                PurgeRule.delete("inbound_replies", "inbound_messages", "received_at < ?", policy.inboundReplies()),
                PurgeRule.delete("inbound_replies", "aircall_messages", "direction = 'inbound' and occurred_at < ?", policy.inboundReplies()),
                PurgeRule.delete("dedupe", "processed_events", "processed_at < ?", policy.dedupe()),
                PurgeRule.delete("receipt_parking", "provider_receipts", "occurred_at < ?", policy.receiptParking()));
    }
}

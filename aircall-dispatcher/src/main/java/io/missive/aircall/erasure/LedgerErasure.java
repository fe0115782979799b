package io.missive.aircall.erasure;

import io.missive.schemas.erasure.JdbcErasedPhones;
import io.missive.schemas.retention.PurgeRule;
import io.missive.schemas.retention.RetentionProperties;
import java.util.List;
import java.util.Map;

/**
 * The ledger's side of an erasure, by parent id and phones. A message still waiting (pending, durable retries) is
 * failed {@code ERASED}: the ledger's announcer publishes that like any other outcome. Every row of the parent loses
 * phone, body and parent, and keeps its id, campaign, state and Aircall id.
 */
public interface LedgerErasure {

    String SERVICE = "aircall-dispatcher";

    Map<String, Long> erase(String parentId, List<String> phones);

    /** Finished rows, once announced, go when no duplicate of their request can arrive any more (docs/decisions/0022). */
    static List<PurgeRule> retention(RetentionProperties policy) {
        return List.of(PurgeRule.delete("message_bodies", "dispatch_ledger",
                "received_at < ? and updated_at < ? and state in ('SENT', 'FAILED') and announced_version >= version", policy.messageBodies()),
                JdbcErasedPhones.retention(policy));
    }
}

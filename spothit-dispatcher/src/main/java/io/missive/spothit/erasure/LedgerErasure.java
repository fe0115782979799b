package io.missive.spothit.erasure;

import io.missive.schemas.erasure.JdbcErasedPhones;
import io.missive.schemas.retention.PurgeRule;
import io.missive.schemas.retention.RetentionProperties;
import java.util.List;
import java.util.Map;

/**
 * The ledger's side of an erasure. The ledger knows phones, not parents: it erases by the phones the request names.
 * Messages not yet handed to SpotHit (pending, parked) are failed {@code ERASED}; every row of the phones loses its
 * phone, body, template and variables, and keeps its id, campaign, state and SpotHit id (exactly-once needs them).
 */
public interface LedgerErasure {

    String SERVICE = "spothit-dispatcher";

    Outcome erase(List<String> phones);

    /** @param failed messages stopped before the provider call */
    record Outcome(Map<String, Long> removed, List<String> failed) {
    }

    /** Finished rows go once no duplicate of their request can arrive any more (docs/decisions/0022). */
    static List<PurgeRule> retention(RetentionProperties policy) {
        return List.of(PurgeRule.delete("message_bodies", "dispatch_ledger",
                "created_at < ? and updated_at < ? and state in ('SENT', 'FAILED')", policy.messageBodies()),
                JdbcErasedPhones.retention(policy));
    }
}

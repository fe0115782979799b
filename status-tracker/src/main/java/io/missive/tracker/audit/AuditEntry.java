package io.missive.tracker.audit;

import java.time.Instant;
import java.util.Map;

/** One audited act: who did what to what, with what details, when and from where, and which service did it. */
public record AuditEntry(String id, String actor, String act, String target, Map<String, String> details, Instant at,
                         String from, String service) {

    public AuditEntry {
        details = Map.copyOf(details);
    }
}

package io.missive.scheduler.guard.review;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the guard's audited acts go: list changes, relaunches, dismissals. Logged for now; the access work publishes
 * them as {@code AuditRecorded} on {@code missive.audit} by providing another implementation.
 */
@FunctionalInterface
public interface GuardAudit {

    /** One audited act: {@code act} such as {@code guard.relaunch}, its target, and what changed. */
    record Act(@Nullable String actor, String act, String target, Map<String, String> details, Instant at) {
    }

    void recorded(Act act);
}

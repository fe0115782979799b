package io.missive.tracker.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which entries an admin asks for: by actor, by act (exact, or a family such as {@code guard} for every
 * {@code guard.*}), from (inclusive) and until (exclusive); newest first, a page at a time.
 */
public record AuditQuery(@Nullable String actor, @Nullable String act, @Nullable Instant from, @Nullable Instant until,
                         int page, int size) {

    public static final int MAX_SIZE = 500;

    public AuditQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("from must be before until");
        }
    }
}

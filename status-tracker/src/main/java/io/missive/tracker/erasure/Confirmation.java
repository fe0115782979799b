package io.missive.tracker.erasure;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One service's confirmation of an erasure: what it removed (rows per table) and what it deliberately kept. */
public record Confirmation(String erasureId, String service, String parentId, Map<String, Long> removed,
                           @Nullable String kept, Instant confirmedAt) {

    public Confirmation {
        removed = Map.copyOf(removed);
    }
}

package io.missive.tracker.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An erasure's state for {@code GET /api/v1/erasures/{id}}: the request (once the tracker read it), every
 * confirmation received, and the services that hold personal data and have not confirmed yet.
 *
 * @param complete every service that holds personal data confirmed
 */
public record ErasureView(String erasureId, @Nullable String parentId, @Nullable String author, @Nullable String reason,
                          @Nullable Instant requestedAt, List<Confirmation> confirmations, Set<String> pending, boolean complete) {

    public static ErasureView of(String erasureId, @Nullable ParentErasure request, List<Confirmation> confirmations,
                                 List<String> expectedServices) {
        var pending = new TreeSet<>(expectedServices);
        confirmations.forEach(c -> pending.remove(c.service()));
        var parentId = request != null ? request.parentId() : confirmations.isEmpty() ? null : confirmations.getFirst().parentId();
        return new ErasureView(erasureId, parentId, request == null ? null : request.author(), request == null ? null : request.reason(),
                request == null ? null : request.requestedAt(), List.copyOf(confirmations), pending, pending.isEmpty());
    }
}

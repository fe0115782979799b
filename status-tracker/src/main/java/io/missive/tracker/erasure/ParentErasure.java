package io.missive.tracker.erasure;

import java.time.Instant;
import java.util.List;

/** An erasure request as the tracker received it on missive.commands. */
public record ParentErasure(String erasureId, String parentId, List<String> phones, String author, String reason, Instant requestedAt) {

    public ParentErasure {
        phones = List.copyOf(phones);
    }
}

package io.missive.scheduler.resolution;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A recipient request with its selector parsed, once, before anything is read; {@code selector} is null for a raw phone. */
record Requested(RecipientRequest request, @Nullable Selector selector) {

    /** Parses every selector of the command: a malformed one rejects the command at once. */
    static List<Requested> parseAll(List<RecipientRequest> requests) {
        return requests.stream()
                .map(request -> new Requested(request, request.selector() == null ? null : Selector.parse(request.selector())))
                .toList();
    }
}

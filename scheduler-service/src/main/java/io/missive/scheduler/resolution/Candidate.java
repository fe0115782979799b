package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Parent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A would-be recipient before the rules: a parent (with the child the selector named, if any) or a raw phone.
 * {@code label} names it in a drop report ({@code parent.42}, {@code child.7}, or the phone as given).
 */
record Candidate(String label, @Nullable Parent parent, @Nullable Child child, RecipientRequest request) {

    static Candidate raw(RecipientRequest request) {
        return new Candidate(Objects.requireNonNull(request.phone()), null, null, request);
    }
}

package io.missive.scheduler.directory;

import java.util.Locale;
import java.util.Optional;

/** What a recipient picker looks for; each names the selector a program command takes ({@code group.12}). */
public enum SearchKind {
    GROUP, TAG, PARENT, CHILD;

    /** {@code group}, {@code tag}, {@code parent}, {@code child}: the selector's prefix and the API's {@code kind}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchKind> of(String label) {
        for (var kind : values()) {
            if (kind.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

package io.missive.scheduler.guard.review;

import java.util.Locale;

/** The two lists an admin edits. */
public enum ListName {
    ALLOWED,
    BLOCKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

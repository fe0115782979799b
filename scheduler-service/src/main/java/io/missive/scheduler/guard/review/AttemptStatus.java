package io.missive.scheduler.guard.review;

import java.util.Locale;

/** Where an attempt stands: held and waiting for an admin, relaunched, dismissed, or only monitored (it was sent). */
public enum AttemptStatus {
    PENDING,
    RELAUNCHED,
    DISMISSED,
    NOT_BLOCKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttemptStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}

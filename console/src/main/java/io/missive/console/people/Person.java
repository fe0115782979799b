package io.missive.console.people;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Someone who signs in to the console; {@code email} is lower-case. */
public record Person(String email, String passwordHash, Role role, int failedAttempts, @Nullable Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}

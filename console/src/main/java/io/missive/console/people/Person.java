package io.missive.console.people;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone who signs in to the console; {@code email} is lower-case. {@code aircallNumberId}: the Aircall number they
 * send through by default, if they have one of their own.
 */
public record Person(String email, String passwordHash, Role role, int failedAttempts, @Nullable Instant lockedUntil,
                     @Nullable String aircallNumberId) {

    public Person(String email, String passwordHash, Role role, int failedAttempts, @Nullable Instant lockedUntil) {
        this(email, passwordHash, role, failedAttempts, lockedUntil, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}

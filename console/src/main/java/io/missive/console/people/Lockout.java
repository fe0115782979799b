package io.missive.console.people;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code failures} wrong passwords in a row an account is locked for {@code duration}; a
 * success resets the count. Guessing a password then takes days, not minutes.
 */
public record Lockout(int failures, Duration duration) {

    public Lockout {
        if (failures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
    }

    /** Until when the account is locked after its {@code failedInARow}-th failure, if it is. */
    public Optional<Instant> lockedUntilAfter(int failedInARow, Instant now) {
        return failedInARow >= failures ? Optional.of(now.plus(duration)) : Optional.empty();
    }
}

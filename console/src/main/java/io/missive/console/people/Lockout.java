package io.missive.console.people;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Repeated wrong passwords first slow down, then lock: every attempt on an account with {@code k} failures in a row
 * waits {@code firstDelay × 2^(k-1)} before it is answered (1 s, 2 s, 4 s, 8 s by default), and the
 * {@code failures}-th failure locks the account for {@code duration}; a success resets the count. Guessing a password
 * then takes days, not minutes.
 */
public record Lockout(int failures, Duration duration, Duration firstDelay) {

    /** The longest a single attempt is held, whatever the count. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    public Lockout {
        if (failures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("a sign-in delay cannot be negative");
        }
    }

    public Lockout(int failures, Duration duration) {
        this(failures, duration, Duration.ofSeconds(1));
    }

    /** Until when the account is locked after its {@code failedInARow}-th failure, if it is. */
    public Optional<Instant> lockedUntilAfter(int failedInARow, Instant now) {
        return failedInARow >= failures ? Optional.of(now.plus(duration)) : Optional.empty();
    }

    /** How long an attempt on an account with {@code failedInARow} failures waits before it is answered. */
    public Duration delayAfter(int failedInARow) {
        if (failedInARow < 1 || firstDelay.isZero()) {
            return Duration.ZERO;
        }
        var delay = firstDelay.multipliedBy(1L << Math.min(failedInARow - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}

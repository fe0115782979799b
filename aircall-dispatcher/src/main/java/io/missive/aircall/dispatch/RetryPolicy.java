package io.missive.aircall.dispatch;

import java.time.Duration;

/**
 * When a failed attempt is tried again: {@code unit × (attempt + 1)} after the attempt numbered
 * from 0 (the programme's application's {@code 60 × (attempt + 1)} minutes with a one-minute unit), at most
 * {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration unit) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Whether another attempt follows the {@code attemptsMade}-th failed one. */
    public boolean allowsAnotherAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after the {@code attemptsMade}-th attempt (1-based) failed. */
    public Duration delayAfter(int attemptsMade) {
        return unit.multipliedBy(attemptsMade);
    }
}

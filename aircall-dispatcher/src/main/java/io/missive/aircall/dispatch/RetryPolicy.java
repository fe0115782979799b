package io.missive.aircall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed attempt is tried again: {@code unit × (attempt + 1)} after the attempt numbered
 * from 0 (the programme's application's {@code 60 × (attempt + 1)} minutes with a one-minute unit), at most
 * {@code maxAttempts} attempts in all. A message whose attempts failed because Aircall was
 * unavailable (5xx, unreachable) is retried past {@code maxAttempts} until {@code giveUpAfter} after
 * it was received, so an outage delays messages and never fails them early (decision 0303).
 */
public record RetryPolicy(int maxAttempts, Duration unit, Duration giveUpAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("give-up-after must not be negative");
        }
    }

    /** Attempts only, no outage deadline. */
    public RetryPolicy(int maxAttempts, Duration unit) {
        this(maxAttempts, unit, Duration.ZERO);
    }

    /**
     * When to try again after the {@code attemptsMade}-th attempt failed because Aircall was
     * unavailable, or empty if the message is to fail: within the attempts as usual; beyond them
     * while its deadline has not passed, at most at the deadline (the last attempt happens then).
     */
    public Optional<Instant> retryAfterUnavailable(int attemptsMade, Instant receivedAt, Instant now) {
        var next = now.plus(delayAfter(Math.min(attemptsMade, maxAttempts)));
        if (allowsAnotherAfter(attemptsMade)) {
            return Optional.of(next);
        }
        var deadline = receivedAt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(next.isAfter(deadline) ? deadline : next);
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

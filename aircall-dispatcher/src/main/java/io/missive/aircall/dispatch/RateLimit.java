package io.missive.aircall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The client-side limit of one set of Aircall credentials, as the dispatch loop uses it: look how
 * long until the next request may start, take the permit right before the request, and report what
 * Aircall's headers said. Implementations: {@link CredentialsRateLimiter} (one process) and
 * {@link TokenBucketRateLimit} (one bucket shared by every replica).
 */
public interface RateLimit {

    /** How long until a request could start (zero if now); takes nothing. */
    Duration delayBeforeNext();

    /**
     * Takes the permit of a request about to start, waiting up to {@code maxWait} for it (another
     * replica may have taken the one expected). Empty when the request may start now; otherwise the
     * instant from which to try again.
     */
    Optional<Instant> start(Duration maxWait);

    /** Nothing waits to be sent. */
    void idle();

    /** What a reply's headers said. */
    void observe(RateLimitObservation observation);

    /** A 429: nothing before {@code reset}. */
    void throttled(Instant reset);

    int limit();
}

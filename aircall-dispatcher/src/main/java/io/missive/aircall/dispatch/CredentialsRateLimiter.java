package io.missive.aircall.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side limit of one set of Aircall API credentials (Aircall counts per company, 60 a
 * minute). Requests are spaced evenly at {@code window / limit}, so any {@code limit + 1}
 * consecutive requests span at least a window; the reply headers tune it: the limit follows
 * {@code X-AircallApi-Limit}, and when {@code X-AircallApi-Remaining} reaches 0 (other clients of
 * the same account, a restart) or a 429 names a reset, nothing goes before that reset plus a
 * margin for clock skew. Callers send one request at a time, so the headers describe the state
 * after the latest request exactly.
 */
public final class CredentialsRateLimiter {

    private final Duration window;
    private final Duration clockMargin;
    private final Clock clock;
    private int limit;
    private Instant nextAllowed;

    public CredentialsRateLimiter(int limit, Duration window, Duration clockMargin, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of at least one request per window");
        }
        this.limit = limit;
        this.window = window;
        this.clockMargin = clockMargin;
        this.clock = clock;
        this.nextAllowed = clock.instant();
    }

    /** How long to wait before the next request may start (zero if it may start now). */
    public synchronized Duration delayBeforeNext() {
        var wait = Duration.between(clock.instant(), nextAllowed);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** A request starts now: the next one waits one interval. */
    public synchronized void started() {
        var now = clock.instant();
        var earliest = now.plus(interval());
        if (earliest.isAfter(nextAllowed)) {
            nextAllowed = earliest;
        }
    }

    /** What the reply's headers said. */
    public synchronized void observe(RateLimitObservation observation) {
        if (observation.limit() > 0) {
            limit = observation.limit();
        }
        if (observation.remaining() <= 0) {
            holdUntil(observation.reset());
        }
    }

    /** A 429: nothing before {@code reset}. */
    public synchronized void throttled(Instant reset) {
        holdUntil(reset);
    }

    public synchronized int limit() {
        return limit;
    }

    private void holdUntil(Instant reset) {
        var until = reset.plus(clockMargin);
        if (until.isAfter(nextAllowed)) {
            nextAllowed = until;
        }
    }

    private Duration interval() {
        return window.dividedBy(limit);
    }
}

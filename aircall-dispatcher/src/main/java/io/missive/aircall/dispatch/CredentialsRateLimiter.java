package io.missive.aircall.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The client-side limit of one set of Aircall API credentials (Aircall counts per company, 60 a
 * minute, in windows whose end {@code X-AircallApi-Reset} names). Three rules, the strictest wins:
 * <ul>
 *   <li>a hard bound: no {@code limit + 1} starts within one window's length, so no window of the
 *       server can see more than {@code limit} of them;</li>
 *   <li>even pacing: requests start on slots {@code window / limit} apart; a start that came late
 *       does not push the following slots back (up to a window's worth of lag), so scheduling
 *       jitter does not cost throughput, and an idle spell earns no burst;</li>
 *   <li>the headers: the limit follows {@code X-AircallApi-Limit}, and when
 *       {@code X-AircallApi-Remaining} reaches 0 (other clients of the account, a restart) or a
 *       429 names a reset, nothing starts before that reset plus a margin for clock skew.</li>
 * </ul>
 * Callers make one request at a time, so each reply's headers describe the limit exactly. In one
 * process only: replicas each allow the full rate ({@link TokenBucketRateLimit} shares one limit).
 */
public final class CredentialsRateLimiter implements RateLimit {

    private final Duration window;
    private final Duration clockMargin;
    private final Clock clock;
    private final Deque<Instant> recentStarts = new ArrayDeque<>();
    private int limit;
    private Instant nextSlot;
    private Instant heldUntil = Instant.MIN;

    public CredentialsRateLimiter(int limit, Duration window, Duration clockMargin, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of at least one request per window");
        }
        this.limit = limit;
        this.window = window;
        this.clockMargin = clockMargin;
        this.clock = clock;
        this.nextSlot = clock.instant();
    }

    /** How long to wait before the next request may start (zero if it may start now). */
    @Override
    public synchronized Duration delayBeforeNext() {
        var earliest = nextSlot;
        if (heldUntil.isAfter(earliest)) {
            earliest = heldUntil;
        }
        if (recentStarts.size() >= limit) {
            var bound = recentStarts.stream().skip(recentStarts.size() - limit).findFirst().orElseThrow().plus(window);
            if (bound.isAfter(earliest)) {
                earliest = bound;
            }
        }
        var wait = Duration.between(clock.instant(), earliest);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** One caller: it asked {@link #delayBeforeNext()} first, so the permit is normally there. */
    @Override
    public synchronized Optional<Instant> start(Duration maxWait) {
        var delay = delayBeforeNext();
        if (!delay.isZero()) {
            return Optional.of(clock.instant().plus(delay));
        }
        started();
        return Optional.empty();
    }

    /** A request starts now. */
    public synchronized void started() {
        var now = clock.instant();
        recentStarts.addLast(now);
        while (recentStarts.size() > limit) {
            recentStarts.removeFirst();
        }
        // Starts that came late (a slow query, a busy CPU) are caught up on, up to one window's
        // worth; the hard bound above still holds whatever the catching up.
        var oldestSlot = now.minus(window);
        var base = oldestSlot.isAfter(nextSlot) ? oldestSlot : nextSlot;
        nextSlot = base.plus(window.dividedBy(limit));
    }

    /** Nothing waits to be sent: no lag to catch up on, the next request starts a fresh schedule. */
    @Override
    public synchronized void idle() {
        var now = clock.instant();
        if (now.isAfter(nextSlot)) {
            nextSlot = now;
        }
    }

    /** What the reply's headers said. */
    @Override
    public synchronized void observe(RateLimitObservation observation) {
        if (observation.limit() > 0) {
            limit = observation.limit();
        }
        if (observation.remaining() <= 0) {
            holdUntil(observation.reset());
        }
    }

    /** A 429: nothing before {@code reset}. */
    @Override
    public synchronized void throttled(Instant reset) {
        holdUntil(reset);
    }

    @Override
    public synchronized int limit() {
        return limit;
    }

    private void holdUntil(Instant reset) {
        var until = reset.plus(clockMargin);
        if (until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }
}

package io.missive.aircall.dispatch;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * One token bucket per set of Aircall credentials, shared by every replica (bucket4j, its state in
 * PostgreSQL), so the limit holds whatever the number of aircall-dispatchers.
 *
 * <p>The bucket holds at most <em>one</em> token and gains {@code limit} per {@code window}: a
 * half-open interval of one window's length then holds at most {@code limit} starts (at most one
 * token at its beginning, fewer than {@code limit} gained during it), so no fixed window of Aircall
 * can see more, and the sustained pace is the full limit. A larger capacity would allow a burst on
 * top of the refill, over the limit across a window boundary; an idle spell earns no burst either.
 *
 * <p>Still corrected from the headers: the limit follows {@code X-AircallApi-Limit} (the bucket's
 * configuration is replaced), and {@code Remaining: 0} or a 429 holds every replica until the named
 * reset plus {@code clockMargin} ({@link RateLimitHolds}), which also covers other users of the
 * account and a window a previous process used.
 */
public final class TokenBucketRateLimit implements RateLimit {

    private final Bucket bucket;
    private final IntFunction<BucketConfiguration> configuration;
    private final RateLimitHolds holds;
    private final String credentials;
    private final Duration clockMargin;
    private final Clock clock;
    private static final Duration HOLD_READ_INTERVAL = Duration.ofMillis(250);

    private volatile int limit;
    private volatile Instant heldUntil = Instant.MIN;
    private volatile Instant holdReadAt = Instant.MIN;

    /**
     * @param bucket        the shared bucket (a {@link BucketProxy} in production), built with
     *                      {@code configuration.apply(limit)}
     * @param credentials   the key of the credentials in {@code holds} (never the secret itself)
     */
    public TokenBucketRateLimit(Bucket bucket, IntFunction<BucketConfiguration> configuration, int limit,
                                RateLimitHolds holds, String credentials, Duration clockMargin, Clock clock) {
        this.bucket = bucket;
        this.configuration = configuration;
        this.limit = limit;
        this.holds = holds;
        this.credentials = credentials;
        this.clockMargin = clockMargin;
        this.clock = clock;
    }

    /** At most one token, {@code limit} a {@code window}, refilled continuously. */
    public static BucketConfiguration configuration(int limit, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(1).refillGreedy(limit, window))
                .build();
    }

    /**
     * Only the hold: asking the bucket would cost a locked round trip per look, and the token is
     * taken (waited for) in {@link #start} right before the request anyway.
     */
    @Override
    public Duration delayBeforeNext() {
        return heldFor();
    }

    /**
     * Reserves the next token (bucket4j's blocking consumption: the bucket goes into debt and this
     * replica parks until its slot), so a replica waiting its turn does not lose the slot to its own
     * lateness: while replicas want to send, slots follow each other exactly {@code window / limit}
     * apart. A reservation is made only if its slot is within {@code maxWait}.
     */
    @Override
    public Optional<Instant> start(Duration maxWait) {
        var held = heldFor();
        if (!held.isZero()) {
            return Optional.of(clock.instant().plus(held));
        }
        try {
            // bucket4j wants a positive wait for a reservation; none allowed is a plain try.
            boolean taken = maxWait.isPositive() ? bucket.asBlocking().tryConsume(1, maxWait) : bucket.tryConsume(1);
            if (!taken) {
                var estimate = bucket.estimateAbilityToConsume(1);
                return Optional.of(clock.instant().plusNanos(Math.max(estimate.getNanosToWaitForRefill(), 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(clock.instant());
        }
        // A hold may have come while this replica waited for its slot: the slot is then lost, not the limit.
        held = heldFor();
        return held.isZero() ? Optional.empty() : Optional.of(clock.instant().plus(held));
    }

    @Override
    public void idle() {
        // Nothing to forget: the bucket never holds more than one token.
    }

    @Override
    public void observe(RateLimitObservation observation) {
        if (observation.limit() > 0 && observation.limit() != limit) {
            limit = observation.limit();
            bucket.replaceConfiguration(configuration.apply(limit), TokensInheritanceStrategy.AS_IS);
        }
        if (observation.remaining() <= 0) {
            throttled(observation.reset());
        }
    }

    @Override
    public void throttled(Instant reset) {
        var until = reset.plus(clockMargin);
        holds.holdUntil(credentials, until);
        if (until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }

    @Override
    public int limit() {
        return limit;
    }

    private Duration heldFor() {
        var now = clock.instant();
        if (!now.isBefore(holdReadAt.plus(HOLD_READ_INTERVAL))) {
            // Other replicas' holds are read at most every HOLD_READ_INTERVAL; this one's at once. A
            // hold comes from Remaining 0, which the shared bucket alone already keeps from being
            // overrun, so learning another replica's a moment late costs nothing but that moment.
            var stored = holds.heldUntil(credentials);
            if (stored.isAfter(heldUntil)) {
                heldUntil = stored;
            }
            holdReadAt = now;
        }
        var wait = Duration.between(now, heldUntil);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}

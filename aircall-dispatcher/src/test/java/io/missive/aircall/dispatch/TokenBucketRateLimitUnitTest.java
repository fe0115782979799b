package io.missive.aircall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared bucket's rules on a local bucket and a hand-moved clock (no sleeping: starts are tried at chosen times). */
class TokenBucketRateLimitUnitTest {

    private static final int LIMIT = 60;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final TimeMeter meter = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };
    private final Map<String, Instant> stored = new HashMap<>();
    private final RateLimitHolds holds = new RateLimitHolds() {
        @Override
        public void holdUntil(String credentials, Instant until) {
            stored.merge(credentials, until, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public Instant heldUntil(String credentials) {
            return stored.getOrDefault(credentials, Instant.MIN);
        }
    };

    private TokenBucketRateLimit limit() {
        var bucket = Bucket.builder().withCustomTimePrecision(meter)
                .addLimit(TokenBucketRateLimit.configuration(LIMIT, WINDOW).getBandwidths()[0]).build();
        return new TokenBucketRateLimit(bucket, l -> TokenBucketRateLimit.configuration(l, WINDOW), LIMIT, holds,
                "aircall:test", Duration.ofSeconds(1), clock);
    }

    @Test
    void noWindowHoldsMoreThanTheLimitWhateverTheTimingOfTheTriesAndTheFullRateIsUsed() {
        var limit = limit();
        var random = new Random(17);
        var starts = new ArrayList<Instant>();
        var end = now.plus(Duration.ofMinutes(30));
        while (now.isBefore(end)) {
            if (limit.start(Duration.ZERO).isEmpty()) {
                starts.add(now);
            }
            // Tries at random moments, often more than one per slot (two replicas, eager loops).
            now = now.plusMillis(1 + random.nextInt(400));
        }
        for (int i = 0; i + LIMIT < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i), starts.get(i + LIMIT))).as("start %d and %d", i, i + LIMIT)
                    .isGreaterThanOrEqualTo(WINDOW);
        }
        // Tries at most 400 ms apart against one-second slots: at worst 400 ms lost per slot, well above half the limit.
        assertThat(starts.size()).isGreaterThan(30 * LIMIT * 6 / 10).isLessThanOrEqualTo(30 * LIMIT + 1);
    }

    @Test
    void remainingZeroHoldsEveryReplicaUntilTheResetPlusTheMargin() {
        var first = limit();
        var second = limit();
        var reset = now.plusSeconds(20);
        first.observe(new RateLimitObservation(LIMIT, 0, reset));

        now = now.plusSeconds(5);
        assertThat(second.delayBeforeNext()).isEqualTo(Duration.ofSeconds(16));
        assertThat(second.start(Duration.ofSeconds(1))).as("held: try again at the reset plus the margin")
                .hasValue(reset.plusSeconds(1));
        now = reset.plusSeconds(1);
        assertThat(second.delayBeforeNext()).isZero();
        assertThat(second.start(Duration.ZERO)).isEmpty();
    }

    @Test
    void theLimitFollowsAircallsHeader() {
        var limit = limit();
        limit.observe(new RateLimitObservation(30, 10, now.plusSeconds(30)));
        assertThat(limit.limit()).isEqualTo(30);
        assertThat(limit.start(Duration.ZERO)).isEmpty();
        now = now.plusMillis(1500);
        assertThat(limit.start(Duration.ZERO)).as("30 a minute: one every 2 s").isPresent();
        now = now.plusMillis(500);
        assertThat(limit.start(Duration.ZERO)).isEmpty();
    }
}

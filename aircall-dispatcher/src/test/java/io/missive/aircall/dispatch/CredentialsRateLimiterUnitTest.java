package io.missive.aircall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsRateLimiterUnitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00.250Z"));

    @Test
    void spacesRequestsEvenlyAtTheLimitsRate() {
        var limiter = new CredentialsRateLimiter(60, Duration.ofMinutes(1), Duration.ZERO, clock);

        var starts = runFor(limiter, Duration.ofMinutes(3));

        assertThat(starts).hasSize(180);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void neverStartsMoreThanTheLimitWithinOneWindowEvenAfterLateStarts() {
        var limiter = new CredentialsRateLimiter(10, Duration.ofSeconds(10), Duration.ZERO, clock);
        var starts = new ArrayList<Instant>();
        for (int i = 0; i < 100; i++) {
            clock.advance(limiter.delayBeforeNext());
            // Every third request starts late: later slots must not let it catch up past the bound.
            if (i % 3 == 0) {
                clock.advance(Duration.ofMillis(700));
            }
            limiter.started();
            starts.add(clock.instant());
        }
        for (int i = 10; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 10), starts.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void catchesUpOnLateStartsButNotOnIdleTime() {
        var limiter = new CredentialsRateLimiter(60, Duration.ofMinutes(1), Duration.ZERO, clock);
        limiter.started();
        clock.advance(Duration.ofMillis(2500));
        limiter.started();

        assertThat(limiter.delayBeforeNext()).as("two slots behind: the next may start at once").isZero();

        limiter.idle();
        limiter.started();
        assertThat(limiter.delayBeforeNext()).as("after an idle spell, back to one interval").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsForTheResetWhenNothingRemainsAndAfterA429() {
        var limiter = new CredentialsRateLimiter(60, Duration.ofMinutes(1), Duration.ofSeconds(1), clock);
        var reset = Instant.parse("2026-11-25T10:00:40Z");

        limiter.started();
        limiter.observe(new RateLimitObservation(60, 0, reset));

        assertThat(limiter.delayBeforeNext()).isEqualTo(Duration.between(clock.instant(), reset.plusSeconds(1)));
        clock.advance(limiter.delayBeforeNext());
        limiter.throttled(reset.plusSeconds(60));
        assertThat(limiter.delayBeforeNext()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void followsTheLimitTheHeadersAnnounce() {
        var limiter = new CredentialsRateLimiter(60, Duration.ofMinutes(1), Duration.ZERO, clock);
        limiter.observe(new RateLimitObservation(120, 100, clock.instant().plusSeconds(30)));

        limiter.started();

        assertThat(limiter.limit()).isEqualTo(120);
        assertThat(limiter.delayBeforeNext()).isEqualTo(Duration.ofMillis(500));
    }

    private List<Instant> runFor(CredentialsRateLimiter limiter, Duration duration) {
        var end = clock.instant().plus(duration);
        var starts = new ArrayList<Instant>();
        while (true) {
            clock.advance(limiter.delayBeforeNext());
            if (!clock.instant().isBefore(end)) {
                return starts;
            }
            limiter.started();
            starts.add(clock.instant());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

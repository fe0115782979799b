package io.missive.aircall.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.aircall.directory.Caller;
import io.missive.aircall.directory.CallerDirectory;
import io.missive.aircall.directory.DirectoryChanges;
import io.missive.aircall.dispatch.RateLimit;
import io.missive.aircall.dispatch.RateLimitObservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cards take their permit from the messages' limiter, and a card that cannot be posted in time is dropped. */
class InsightCardsUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final FixedClock clock = new FixedClock(NOW);
    private final FakeLimiter limiter = new FakeLimiter();
    private final MemoryQueue queue = new MemoryQueue();
    private final List<String> posted = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private CardOutcome answer = new CardOutcome.Posted(new RateLimitObservation(60, 59, NOW.plusSeconds(60)));

    private final InsightCards cards = new InsightCards(queue, new OneParent(), phone -> Optional.empty(),
            (callId, card) -> {
                posted.add(callId + ":" + card.title());
                return answer;
            }, limiter, outcomes::add, Duration.ofSeconds(30), Duration.ofSeconds(1), ZoneId.of("Europe/Paris"), clock);

    @Test
    void aCardTakesItsPermitFromTheSameLimiterAndReportsTheHeadersToIt() {
        cards.take(new CallRinging("1", "+33611000001", NOW));

        cards.claimNext().orElseThrow().call().run();

        assertThat(limiter.started).isEqualTo(1);
        assertThat(limiter.observed).hasSize(1);
        assertThat(posted).containsExactly("1:Claire");
        assertThat(outcomes).containsExactly("posted");
        assertThat(queue.states).containsEntry("1", "POSTED");
    }

    @Test
    void aCardWhosePermitComesAfterItsDeadlineIsDroppedNotPosted() {
        cards.take(new CallRinging("2", "+33611000001", NOW.minusSeconds(25)));
        limiter.nextPermitAt = NOW.plusSeconds(10);

        cards.claimNext().orElseThrow().call().run();

        assertThat(posted).isEmpty();
        assertThat(outcomes).containsExactly("dropped");
        assertThat(queue.states).containsEntry("2", "DROPPED");
    }

    @Test
    void aCardAnAircallOutageRefusedIsTriedAgainASecondLaterWithinItsDeadline() {
        answer = new CardOutcome.Failed("AIRCALL_503", true, null);
        cards.take(new CallRinging("3", null, NOW));

        cards.claimNext().orElseThrow().call().run();

        assertThat(posted).containsExactly("3:Information indisponible");
        assertThat(queue.states).containsEntry("3", "PENDING");
        assertThat(queue.due.get("3")).isEqualTo(NOW.plusSeconds(1));
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aCallAnnouncedAfterItsThirtySecondsIsCountedAsDroppedAndNeverQueued() {
        assertThat(cards.take(new CallRinging("4", "+33611000001", NOW.minusSeconds(31)))).isFalse();

        assertThat(outcomes).containsExactly("dropped");
        assertThat(queue.states).doesNotContainKey("4");
        assertThat(cards.claimNext()).isEmpty();
    }

    private static final class OneParent implements CallerDirectory {
        @Override
        public Optional<Caller> byPhone(String e164) {
            return e164.equals("+33611000001") ? Optional.of(new Caller("p1", "Claire", List.of("Léa"))) : Optional.empty();
        }

        @Override
        public void apply(DirectoryChanges changes) {
        }
    }

    private static final class FakeLimiter implements RateLimit {
        int started;
        Instant nextPermitAt = Instant.MIN;
        final List<RateLimitObservation> observed = new ArrayList<>();

        @Override
        public Duration delayBeforeNext() {
            return Duration.ZERO;
        }

        @Override
        public Optional<Instant> start(Duration maxWait) {
            started++;
            return nextPermitAt.isAfter(NOW) ? Optional.of(nextPermitAt) : Optional.empty();
        }

        @Override
        public void idle() {
        }

        @Override
        public void observe(RateLimitObservation observation) {
            observed.add(observation);
        }

        @Override
        public void throttled(Instant reset) {
        }

        @Override
        public int limit() {
            return 60;
        }
    }

    private static final class MemoryQueue implements CardQueue {
        final Map<String, String> states = new LinkedHashMap<>();
        final Map<String, Instant> due = new LinkedHashMap<>();
        final Map<String, InsightCard> cards = new LinkedHashMap<>();
        final Map<String, Instant> deadlines = new LinkedHashMap<>();

        @Override
        public boolean add(String callId, InsightCard card, Instant deadline, Instant now) {
            if (states.containsKey(callId)) {
                return false;
            }
            states.put(callId, "PENDING");
            due.put(callId, now);
            cards.put(callId, card);
            deadlines.put(callId, deadline);
            return true;
        }

        @Override
        public Optional<PendingCard> claimNext(Instant now) {
            return states.entrySet().stream()
                    .filter(e -> e.getValue().equals("PENDING") && !due.get(e.getKey()).isAfter(now) && deadlines.get(e.getKey()).isAfter(now))
                    .findFirst()
                    .map(e -> {
                        e.setValue("POSTING");
                        return new PendingCard(e.getKey(), cards.get(e.getKey()), deadlines.get(e.getKey()), 1);
                    });
        }

        @Override
        public void posted(String callId, Instant now) {
            states.put(callId, "POSTED");
        }

        @Override
        public void retryAt(String callId, Instant at, String reason, Instant now) {
            states.put(callId, "PENDING");
            due.put(callId, at);
        }

        @Override
        public void failed(String callId, String reason, Instant now) {
            states.put(callId, "FAILED");
        }

        @Override
        public void dropped(String callId, String reason, Instant now) {
            states.put(callId, "DROPPED");
        }

        @Override
        public List<String> dropExpired(Instant now, Instant postingBefore) {
            return List.of();
        }
    }

    private static final class FixedClock extends Clock {
        private final Instant now;

        FixedClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

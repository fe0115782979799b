package io.missive.aircall.cards;

import io.missive.aircall.directory.CallerDirectory;
import io.missive.aircall.dispatch.PriorityCalls;
import io.missive.aircall.dispatch.RateLimit;
import io.missive.schemas.phones.PhoneNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a ringing inbound call into an insight card and posts it, before the messages waiting and
 * through the same rate limit. A card is useful only while the phone rings: it is dropped (and
 * counted) once {@code maxAge} has passed since the call started, whether it waited for the limit,
 * for a retry, or arrived late. One card per call, whichever webhook announced it and however often.
 */
public final class InsightCards implements PriorityCalls {

    private static final Logger log = LoggerFactory.getLogger(InsightCards.class);

    /** Never wait longer than this for the limiter's permit in one go: the loop's other work waits meanwhile. */
    static final Duration MAX_WAIT_FOR_PERMIT = Duration.ofSeconds(5);
    /** After a 5xx or a broken connection, the next attempt (if the deadline allows). */
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final CardQueue queue;
    private final CallerDirectory directory;
    private final LastMessages lastMessages;
    private final InsightCardPort aircall;
    private final RateLimit limiter;
    private final CardMetrics metrics;
    private final Duration maxAge;
    private final Duration checkInterval;
    private final ZoneId zone;
    private final Clock clock;
    /** Set when a card was queued here; otherwise the queue is looked at once per check interval (other replicas' cards). */
    private volatile boolean queuedHere = true;
    private volatile Instant nextCheckAt = Instant.MIN;

    public InsightCards(CardQueue queue, CallerDirectory directory, LastMessages lastMessages, InsightCardPort aircall,
                        RateLimit limiter, CardMetrics metrics, Duration maxAge, Duration checkInterval, ZoneId zone, Clock clock) {
        this.queue = queue;
        this.directory = directory;
        this.lastMessages = lastMessages;
        this.aircall = aircall;
        this.limiter = limiter;
        this.metrics = metrics;
        this.maxAge = maxAge;
        this.checkInterval = checkInterval;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Composes the card of a ringing call and queues it; true if queued. A call already past its
     * deadline (announced late, or read again from the topic's history) is dropped and counted.
     */
    public boolean take(CallRinging call) {
        var now = clock.instant();
        // Aircall's clock may be ahead of ours: the card's life starts no later than its arrival.
        var started = call.occurredAt().isAfter(now) ? now : call.occurredAt();
        var deadline = started.plus(maxAge);
        if (!deadline.isAfter(now)) {
            metrics.outcome("dropped");
            log.warn("event=aircall.insight_card_dropped callId={} reason=EXPIRED_ON_ARRIVAL ageMs={}", call.callId(),
                    Duration.between(started, now).toMillis());
            return false;
        }
        var card = compose(call);
        boolean queued = queue.add(call.callId(), card, deadline, now);
        if (queued) {
            queuedHere = true;
            log.info("event=aircall.insight_card_queued callId={} known={}", call.callId(), !card.title().equals(InsightCard.UNKNOWN));
        } else {
            log.info("event=aircall.insight_card_duplicate callId={}", call.callId());
        }
        return queued;
    }

    private InsightCard compose(CallRinging call) {
        var phone = Optional.ofNullable(call.phone()).flatMap(PhoneNumbers::toE164);
        var caller = phone.flatMap(directory::byPhone);
        if (caller.isEmpty()) {
            return InsightCard.unknownCaller();
        }
        return InsightCard.of(caller.get(), lastMessages.lastTo(phone.get()), zone);
    }

    @Override
    public Optional<Claimed> claimNext() {
        var now = clock.instant();
        if (!queuedHere && now.isBefore(nextCheckAt)) {
            return Optional.empty();
        }
        queuedHere = false;
        nextCheckAt = now.plus(checkInterval);
        for (var callId : queue.dropExpired(now, now.minus(maxAge))) {
            metrics.outcome("dropped");
            log.warn("event=aircall.insight_card_dropped callId={} reason=EXPIRED", callId);
        }
        var claimed = queue.claimNext(now);
        if (claimed.isPresent()) {
            // There may be more behind it: look again at the next turn.
            queuedHere = true;
        }
        return claimed.map(Claim::new);
    }

    private final class Claim implements Claimed {
        private final PendingCard card;

        Claim(PendingCard card) {
            this.card = card;
        }

        @Override
        public Runnable call() {
            var left = Duration.between(clock.instant(), card.deadline());
            if (!left.isPositive()) {
                return safely(card, () -> settle(card, null));
            }
            var notBefore = limiter.start(left.compareTo(MAX_WAIT_FOR_PERMIT) < 0 ? left : MAX_WAIT_FOR_PERMIT);
            if (notBefore.isPresent()) {
                return safely(card, () -> retryOrDrop(card, notBefore.get(), "RATE_LIMIT"));
            }
            var outcome = aircall.post(card.callId(), card.card());
            if (outcome.rateLimit() != null) {
                limiter.observe(outcome.rateLimit());
            }
            if (outcome instanceof CardOutcome.Throttled throttled) {
                limiter.throttled(throttled.until());
            }
            return safely(card, () -> settle(card, outcome));
        }

        @Override
        public void giveBack() {
            var now = clock.instant();
            queue.retryAt(card.callId(), now, null, now);
        }
    }

    private static Runnable safely(PendingCard card, Runnable settlement) {
        return () -> {
            try {
                settlement.run();
            } catch (RuntimeException e) {
                // The row stays POSTING and is dropped at its deadline: a card is not worth retrying a database for.
                log.error("event=aircall.insight_card_settle_error callId={} error={}", card.callId(), e.toString());
            }
        };
    }

    /** Records what a post came to; a null outcome: the deadline passed before it could be made. */
    private void settle(PendingCard card, @Nullable CardOutcome outcome) {
        var now = clock.instant();
        switch (outcome) {
            case null -> drop(card, "EXPIRED", now);
            case CardOutcome.Posted posted -> {
                queue.posted(card.callId(), now);
                metrics.outcome("posted");
                log.info("event=aircall.insight_card_posted callId={} attempt={}", card.callId(), card.attempts());
            }
            case CardOutcome.Throttled throttled -> retryOrDrop(card, throttled.until(), "AIRCALL_429");
            case CardOutcome.Failed failed when failed.worthRetrying() -> retryOrDrop(card, now.plus(RETRY_DELAY), failed.reason());
            case CardOutcome.Failed failed -> {
                queue.failed(card.callId(), failed.reason(), now);
                metrics.outcome("failed");
                log.warn("event=aircall.insight_card_failed callId={} reason={}", card.callId(), failed.reason());
            }
        }
    }

    private void retryOrDrop(PendingCard card, Instant at, String reason) {
        var now = clock.instant();
        if (!at.isBefore(card.deadline())) {
            drop(card, reason, now);
            return;
        }
        queue.retryAt(card.callId(), at, reason, now);
        queuedHere = true;
    }

    private void drop(PendingCard card, String reason, Instant now) {
        queue.dropped(card.callId(), reason, now);
        metrics.outcome("dropped");
        log.warn("event=aircall.insight_card_dropped callId={} reason={}", card.callId(), reason);
    }
}

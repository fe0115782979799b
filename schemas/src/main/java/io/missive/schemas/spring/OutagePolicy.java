package io.missive.schemas.spring;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one way a Missive service waits out the database or the broker being briefly away (see
 * {@link TransientFailures}): pauses of {@code firstPause}, doubling up to {@code maxPause}, for at
 * most {@code giveUpAfter}; then the failure goes on. Defaults: 500 ms, 10 s, 5 min.
 *
 * <p>The shared Kafka error handler uses it as is ({@link #backOff()}). A batch listener that retries
 * its whole poll itself uses {@link #call} with a shorter limit of its own, below the consumer's
 * {@code max.poll.interval.ms}, so that the consumer is not evicted from its group while it waits.
 *
 * @param firstPause  the first pause after a transient failure
 * @param maxPause    the cap of a pause (it doubles until then)
 * @param giveUpAfter how long failures are waited out before they go to dead letters
 */
@ConfigurationProperties("missive.outage")
public record OutagePolicy(
        @DefaultValue("500ms") Duration firstPause,
        @DefaultValue("10s") Duration maxPause,
        @DefaultValue("5m") Duration giveUpAfter) {

    private static final Logger log = LoggerFactory.getLogger(OutagePolicy.class);

    public static OutagePolicy defaults() {
        return new OutagePolicy(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** The same pauses, waited for at most {@code limit}. */
    public OutagePolicy within(Duration limit) {
        return new OutagePolicy(firstPause, maxPause, limit);
    }

    /** For Spring's error handlers and retry templates. */
    public BackOff backOff() {
        var backOff = new ExponentialBackOff(firstPause.toMillis(), 2.0);
        backOff.setMaxInterval(maxPause.toMillis());
        backOff.setMaxElapsedTime(giveUpAfter.toMillis());
        return backOff;
    }

    /**
     * Runs {@code work} again after each transient failure until it succeeds or {@code giveUpAfter}
     * would be over; a failure that waiting does not cure is thrown at once. Re-running must be safe
     * (the callers' writes are idempotent). An interrupt ends the wait with the last failure.
     */
    public <T> T call(String what, Supplier<T> work) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        var pause = firstPause;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (!TransientFailures.isTransient(failure) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw failure;
                }
                log.warn("event=outage_waited_out what={} retry_in_ms={} cause=\"{}\"", what, pause.toMillis(), failure.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    /** {@link #call} for work that returns nothing. */
    public void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }
}

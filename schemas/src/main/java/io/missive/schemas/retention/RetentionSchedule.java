package io.missive.schemas.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's purge every {@code interval} on one background thread, first after a minute so that start-up is
 * not slowed. A failed run is logged and retried at the next tick. Started and closed with the Spring context.
 */
public final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionPurge purge;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("retention-purge").daemon(true).factory());
    private volatile boolean running = true;

    public RetentionSchedule(RetentionPurge purge, Duration interval) {
        this.purge = purge;
        this.interval = interval;
    }

    /** The schedule of a service's purge under its policy: running every {@code interval}, unless retention is off. */
    public static RetentionSchedule of(RetentionPurge purge, RetentionProperties policy) {
        var schedule = new RetentionSchedule(purge, policy.interval());
        return Boolean.TRUE.equals(policy.enabled()) ? schedule.start() : schedule;
    }

    public RetentionSchedule start() {
        executor.scheduleWithFixedDelay(this::runOnce, Math.min(60_000, interval.toMillis()), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runOnce() {
        try {
            purge.run(() -> running);
        } catch (RuntimeException e) {
            LOG.warn("event=retention_run_failed error={}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        executor.shutdownNow();
    }
}

package io.missive.spothit.config;

import io.missive.spothit.dispatch.ParkedRetry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the parked-message retry every {@code interval}, and refreshes the parked gauges. */
class ParkedRetrySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParkedRetrySchedule.class);

    private final ParkedRetry retry;
    private final DispatchMetrics metrics;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;

    ParkedRetrySchedule(ParkedRetry retry, DispatchMetrics metrics, Duration interval) {
        this.retry = retry;
        this.metrics = metrics;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dispatch-parked-retry").factory());
        executor.scheduleWithFixedDelay(this::retryQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retryQuietly() {
        try {
            retry.retryDue();
            metrics.parked(retry.summary());
        } catch (RuntimeException e) {
            // The database or the broker is away: the parked rows wait for the next round.
            log.warn("event=dispatch.parked_retry_failed error=\"{}\"", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            // Let a call in flight settle rather than interrupt it into an unknown outcome.
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

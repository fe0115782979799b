package io.missive.spothit.config;

import io.missive.spothit.dispatch.StuckDispatchRecovery;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the stuck-dispatch recovery at start-up and then periodically. */
class RecoverySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecoverySchedule.class);

    private final StuckDispatchRecovery recovery;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;

    RecoverySchedule(StuckDispatchRecovery recovery, Duration interval) {
        this.recovery = recovery;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dispatch-recovery").factory());
        executor.scheduleWithFixedDelay(this::recoverQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void recoverQuietly() {
        try {
            recovery.recover();
        } catch (RuntimeException e) {
            log.warn("event=dispatch.recovery_failed error=\"{}\"", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

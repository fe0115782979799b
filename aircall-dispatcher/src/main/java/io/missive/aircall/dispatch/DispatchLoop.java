package io.missive.aircall.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that calls Aircall for one set of credentials: it waits for the limiter, then for
 * a due message (polling the ledger, or woken when a message arrives), makes the attempt, and
 * announces what changed. Stopping lets the call under way finish and be settled.
 */
public final class DispatchLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final Dispatcher dispatcher;
    private final Announcer announcer;
    private final Duration pollInterval;
    private final Duration stuckAfter;
    private final Clock clock;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running = true;

    public DispatchLoop(Dispatcher dispatcher, Announcer announcer, Duration pollInterval, Duration stuckAfter, Clock clock) {
        this.dispatcher = dispatcher;
        this.announcer = announcer;
        this.pollInterval = pollInterval;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    /** New work may be due. */
    public void wake() {
        wakeup.signal();
    }

    public void stop() {
        running = false;
        wakeup.signal();
    }

    @Override
    public void run() {
        Instant lastRecovery = Instant.MIN;
        while (running) {
            try {
                var now = clock.instant();
                if (lastRecovery.plus(pollInterval.multipliedBy(10)).isBefore(now)) {
                    if (dispatcher.recoverStuck(now.minus(stuckAfter)) > 0) {
                        announcer.wake();
                    }
                    lastRecovery = now;
                }
                var delay = dispatcher.delayBeforeNextCall();
                if (!delay.isZero()) {
                    wakeup.await(delay);
                    continue;
                }
                if (dispatcher.attemptNextDue()) {
                    announcer.wake();
                    continue;
                }
                var due = dispatcher.nextDueAt().map(at -> Duration.between(clock.instant(), at));
                var wait = due.filter(until -> until.compareTo(pollInterval) < 0).orElse(pollInterval);
                if (wait.isNegative() || wait.isZero()) {
                    wait = Duration.ofMillis(1);
                }
                wakeup.await(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("event=aircall.dispatch_loop_error error={}", e.toString(), e);
                try {
                    wakeup.await(pollInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

package io.missive.aircall.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that calls Aircall for one set of credentials. It claims the next due message
 * while the limiter's interval runs, calls Aircall when the limiter allows, and hands the outcome
 * to a settling thread, so that the calls themselves follow one another at the allowed rate with
 * the database writes off their path. {@link PriorityCalls} (insight cards) go before the messages,
 * through the same limiter. Stopping lets the call under way finish and be settled, and gives back a
 * message claimed but not yet sent.
 */
public final class DispatchLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final Dispatcher dispatcher;
    private final Announcer announcer;
    private final PriorityCalls priorityCalls;
    private final Duration pollInterval;
    private final Duration stuckAfter;
    private final Clock clock;
    private final Wakeup wakeup = new Wakeup();
    private final ExecutorService settling = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("aircall-settle").factory());
    private volatile boolean running = true;

    public DispatchLoop(Dispatcher dispatcher, Announcer announcer, Duration pollInterval, Duration stuckAfter, Clock clock) {
        this(dispatcher, announcer, PriorityCalls.none(), pollInterval, stuckAfter, clock);
    }

    public DispatchLoop(Dispatcher dispatcher, Announcer announcer, PriorityCalls priorityCalls, Duration pollInterval,
                        Duration stuckAfter, Clock clock) {
        this.dispatcher = dispatcher;
        this.announcer = announcer;
        this.priorityCalls = priorityCalls;
        this.pollInterval = pollInterval;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    /** New work may be due. */
    public void wake() {
        wakeup.signal();
    }

    /** Asks the loop to stop; {@link #run()} returns once the call under way is settled. */
    public void stop() {
        running = false;
        wakeup.signal();
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            settling.shutdown();
            try {
                if (!settling.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("event=aircall.settle_timeout");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
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
                // A long hold (a 429's reset) is waited out before claiming, so no message sits claimed through it.
                var hold = dispatcher.delayBeforeNextCall();
                if (hold.compareTo(pollInterval) > 0) {
                    wakeup.await(pollInterval);
                    continue;
                }
                var priority = priorityCalls.claimNext();
                if (priority.isPresent()) {
                    if (!waitForPermit()) {
                        priority.get().giveBack();
                        return;
                    }
                    settling.execute(priority.get().call());
                    continue;
                }
                var claimed = dispatcher.claimNextDue();
                if (claimed.isEmpty()) {
                    waitForWork();
                    continue;
                }
                if (!waitForPermit()) {
                    dispatcher.giveBack(claimed.get());
                    return;
                }
                var entry = claimed.get();
                var outcome = dispatcher.call(entry);
                settling.execute(() -> settle(entry, outcome));
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

    /**
     * Records the outcome, retrying for a while if the database is briefly unavailable: the call
     * has been made, and a row left SENDING would end as UNKNOWN_OUTCOME.
     */
    private void settle(LedgerEntry entry, SendOutcome outcome) {
        long backoffMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                dispatcher.settle(entry, outcome);
                announcer.wake();
                return;
            } catch (RuntimeException e) {
                if (attempt >= 8) {
                    // The row stays SENDING; recovery settles it by the unknown-outcome policy.
                    log.error("event=aircall.settle_error messageId={} outcome={} error={}", entry.message().messageId(),
                            outcome, e.toString(), e);
                    return;
                }
                log.warn("event=aircall.settle_retry messageId={} attempt={} error={}", entry.message().messageId(), attempt, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    /** Waits until the limiter allows the next call; false if the loop is stopping. */
    private boolean waitForPermit() throws InterruptedException {
        var delay = dispatcher.delayBeforeNextCall();
        while (!delay.isZero()) {
            if (!running) {
                return false;
            }
            wakeup.await(delay);
            delay = dispatcher.delayBeforeNextCall();
        }
        return running;
    }

    private void waitForWork() throws InterruptedException {
        var due = dispatcher.nextDueAt().map(at -> Duration.between(clock.instant(), at));
        var wait = due.filter(until -> until.compareTo(pollInterval) < 0).orElse(pollInterval);
        if (wait.isNegative() || wait.isZero()) {
            wait = Duration.ofMillis(1);
        }
        wakeup.await(wait);
    }
}

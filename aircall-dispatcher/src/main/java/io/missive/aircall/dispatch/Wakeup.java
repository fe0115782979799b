package io.missive.aircall.dispatch;

import java.time.Duration;

/** A wait that ends early when signalled: new work arrived, or the service is stopping. */
public final class Wakeup {

    private boolean signalled;

    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Waits up to {@code timeout}, or less if signalled (since the previous wait). */
    public synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!signalled) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        signalled = false;
    }
}

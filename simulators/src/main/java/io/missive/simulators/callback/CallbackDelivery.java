package io.missive.simulators.callback;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * How a provider calls Missive back (SpotHit's receipts, Aircall's webhooks): a bounded number of
 * calls in flight, each retried with a growing pause until it is answered 2xx or its attempts run
 * out, as real providers retry for minutes rather than seconds. Closing stops the retries.
 */
public final class CallbackDelivery implements AutoCloseable {

    /** One callback: its request, built afresh for each attempt, and what to do with the answers. */
    public interface Callback {

        HttpRequest request();

        /** After each attempt; {@code status} is 0 when nothing answered. */
        default void answered(HttpRequest request, int status) {
        }

        /** Once, after the last attempt. */
        default void finished(boolean delivered, int attempts) {
        }
    }

    private final int attempts;
    private final IntFunction<Duration> pauseAfterFailedAttempt;
    private final Semaphore inFlight;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService clock;
    private final HttpClient client = HttpClient.newBuilder()
            .executor(senders).connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param name                     the clock thread's name
     * @param attempts                 attempts per callback, the first included
     * @param pauseAfterFailedAttempt  the pause after failed attempt {@code n} (1-based)
     * @param concurrency              callbacks in flight at once, at most
     */
    public CallbackDelivery(String name, int attempts, IntFunction<Duration> pauseAfterFailedAttempt, int concurrency) {
        this.attempts = attempts;
        this.pauseAfterFailedAttempt = pauseAfterFailedAttempt;
        this.inFlight = new Semaphore(concurrency);
        this.clock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
    }

    /** Makes the first attempt after {@code delay}, on another thread. */
    public void deliverLater(Callback callback, Duration delay) {
        schedule(() -> attempt(callback, 1), delay);
    }

    /** Makes the first attempt now, on this thread; retries, if any, come later. */
    public void deliverNow(Callback callback) {
        attempt(callback, 1);
    }

    /** One request, no retry: its status, or 0 when nothing answered. */
    public int sendOnce(HttpRequest request) {
        try {
            inFlight.acquire();
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } finally {
                inFlight.release();
            }
        } catch (IOException e) {
            // the callback is down: a retry comes later
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void attempt(Callback callback, int attempt) {
        var request = callback.request();
        int status = sendOnce(request);
        if (status < 0) {
            return;
        }
        callback.answered(request, status);
        boolean delivered = status / 100 == 2;
        if (delivered || attempt >= attempts || clock.isShutdown()) {
            callback.finished(delivered, attempt);
            return;
        }
        schedule(() -> attempt(callback, attempt + 1), pauseAfterFailedAttempt.apply(attempt));
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            clock.schedule(() -> senders.submit(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed: nothing more is delivered
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdownNow();
        client.close();
    }
}

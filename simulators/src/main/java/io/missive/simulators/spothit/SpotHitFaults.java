package io.missive.simulators.spothit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the simulator injects into the calls it receives, changeable while it runs. Counted faults
 * ("the next n calls") are consumed in arrival order; {@link #clear()} removes them all.
 */
public final class SpotHitFaults {

    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger serverErrorStatus = new AtomicInteger(503);
    private final AtomicInteger smsServerErrors = new AtomicInteger();
    private final AtomicInteger rateLimitRefusals = new AtomicInteger();
    private final AtomicInteger heldAfterAccepting = new AtomicInteger();
    private final AtomicReference<Duration> holdFor = new AtomicReference<>(Duration.ZERO);

    /** Every call waits this long before it is handled. */
    public SpotHitFaults latency(Duration delay) {
        latency.set(delay);
        return this;
    }

    /** The next {@code calls} calls get this HTTP status (5xx) and are not processed. */
    public SpotHitFaults serverErrors(int calls, int httpStatus) {
        serverErrorStatus.set(httpStatus);
        serverErrors.set(calls);
        return this;
    }

    /**
     * The next {@code calls} calls to the SMS and MMS endpoints (not RCS, not the upload) get this HTTP status (5xx)
     * and are not processed: an SMS fallback that fails after SpotHit refused the RCS call before it.
     */
    public SpotHitFaults serverErrorsOnSms(int calls, int httpStatus) {
        serverErrorStatus.set(httpStatus);
        smsServerErrors.set(calls);
        return this;
    }

    /** The next {@code calls} calls are refused with error 63 (API request limit exceeded). */
    public SpotHitFaults rateLimitRefusals(int calls) {
        rateLimitRefusals.set(calls);
        return this;
    }

    /**
     * The next {@code calls} calls are accepted and recorded (their recipients will get the
     * message), then the answer is held for {@code duration}: a client with a shorter timeout sees
     * a timeout after sending. Closing the simulator releases held answers.
     */
    public SpotHitFaults holdAfterAccepting(int calls, Duration duration) {
        holdFor.set(duration);
        heldAfterAccepting.set(calls);
        return this;
    }

    public SpotHitFaults clear() {
        latency.set(Duration.ZERO);
        serverErrors.set(0);
        smsServerErrors.set(0);
        rateLimitRefusals.set(0);
        heldAfterAccepting.set(0);
        return this;
    }

    Duration latency() {
        return latency.get();
    }

    /** The HTTP status to fail this call with, or 0. */
    int takeServerError() {
        return take(serverErrors) ? serverErrorStatus.get() : 0;
    }

    /** For an SMS or MMS call: the HTTP status to fail it with, or 0. */
    int takeSmsServerError() {
        int any = takeServerError();
        return any > 0 ? any : take(smsServerErrors) ? serverErrorStatus.get() : 0;
    }

    boolean takeRateLimitRefusal() {
        return take(rateLimitRefusals);
    }

    /** How long to hold this call's answer after accepting it, or zero. */
    Duration takeHold() {
        return take(heldAfterAccepting) ? holdFor.get() : Duration.ZERO;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}

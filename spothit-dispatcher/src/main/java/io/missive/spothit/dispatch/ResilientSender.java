package io.missive.spothit.dispatch;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Calls SpotHit through a retry, a circuit breaker and a rate limiter, in that order from the
 * outside in: every attempt that reaches SpotHit takes a permit, so retries never exceed the
 * configured rate; an open circuit stops attempts without taking permits. Only outcomes that are
 * certainly not a send (and, under {@link UnknownOutcomePolicy#RETRY}, unknown ones) are retried.
 * An open circuit is not waited out here: the call ends at once as unavailable and the dispatcher
 * parks its messages in the ledger (decision 0205), which is the durable retry of an outage.
 */
public final class ResilientSender {

    private final SendSmsPort port;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final UnknownOutcomePolicy unknownOutcomePolicy;
    /** The last transient failure of any call: what an open circuit is open after, for the reason. */
    private final AtomicReference<SendOutcome> lastUnavailable = new AtomicReference<>();

    public ResilientSender(SendSmsPort port, RateLimiter rateLimiter, CircuitBreaker circuitBreaker,
                           int maxAttempts, Duration firstWait, UnknownOutcomePolicy unknownOutcomePolicy) {
        this.port = port;
        this.rateLimiter = rateLimiter;
        this.circuitBreaker = circuitBreaker;
        this.unknownOutcomePolicy = unknownOutcomePolicy;
        this.retry = Retry.of("spothit", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(firstWait, 2.0))
                .retryExceptions(RetryableOutcome.class)
                .failAfterMaxAttempts(false)
                .build());
    }

    /** The final outcome of a call and how many attempts reached SpotHit. */
    public record Attempted(SendOutcome outcome, int attempts) {
    }

    /**
     * What a call may do before its messages are claimed: a rate-limit permit taken for it ({@code taken}), or SpotHit
     * known to be away ({@code circuitOpen}, the reason to park them with, unclaimed). {@link #NONE}: neither.
     */
    public record Permit(boolean taken, SendOutcome.@Nullable Unavailable circuitOpen) {
        public static final Permit NONE = new Permit(false, null);
    }

    /**
     * Waits for the rate-limit permit of the next call before the dispatcher claims its messages (moves them to
     * SENDING): a dispatcher killed while it waits leaves them PENDING, safe to send again, where a wait after the
     * claim left them SENDING, and so FAILED {@code UNKNOWN_OUTCOME} though SpotHit never saw them. While the circuit
     * is open no permit is taken and the answer says so: the dispatcher then parks the messages without claiming them,
     * for the same reason. If no permit comes in time, none is taken (the call asks again).
     */
    public Permit reserve() {
        if (circuitBreaker.getState() == CircuitBreaker.State.OPEN) {
            return new Permit(false, circuitOpen(lastUnavailable.get()));
        }
        return new Permit(rateLimiter.acquirePermission(), null);
    }

    public Attempted send(BulkSms sms) {
        return send(sms, Permit.NONE);
    }

    /** Calls SpotHit; the first attempt uses {@code permit} when one was reserved, every other attempt takes its own. */
    public Attempted send(BulkSms sms, Permit permit) {
        var attempts = new AtomicInteger();
        var last = new AtomicReference<SendOutcome>();
        var reserved = new AtomicBoolean(permit.taken());
        java.util.function.Supplier<SendOutcome> attempt = () -> {
            if (!reserved.getAndSet(false)) {
                RateLimiter.waitForPermission(rateLimiter);
            }
            attempts.incrementAndGet();
            var outcome = port.send(sms);
            last.set(outcome);
            if (outcome instanceof SendOutcome.Unavailable) {
                lastUnavailable.set(outcome);
            }
            if (outcome instanceof SendOutcome.Unavailable
                    || (outcome instanceof SendOutcome.Unknown && unknownOutcomePolicy == UnknownOutcomePolicy.RETRY)) {
                throw new RetryableOutcome(outcome);
            }
            return outcome;
        };
        var guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt));
        try {
            return new Attempted(guarded.get(), attempts.get());
        } catch (RetryableOutcome exhausted) {
            return new Attempted(exhausted.outcome, attempts.get());
        } catch (CallNotPermittedException open) {
            return new Attempted(circuitOpen(last.get() != null ? last.get() : lastUnavailable.get()), attempts.get());
        } catch (RequestNotPermitted throttled) {
            return new Attempted(new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: no rate-limit permit in time"), attempts.get());
        }
    }

    private static SendOutcome.Unavailable circuitOpen(@Nullable SendOutcome previous) {
        return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: circuit open" + (previous == null ? "" : " after " + describe(previous)));
    }

    private static String describe(SendOutcome outcome) {
        return switch (outcome) {
            case SendOutcome.Unavailable unavailable -> unavailable.reason();
            case SendOutcome.Unknown unknown -> unknown.reason();
            case SendOutcome.Refused refused -> refused.reason();
            case SendOutcome.Accepted accepted -> "accepted " + accepted.spotHitMessageId();
        };
    }

    /** Carries a retryable outcome through resilience4j, which retries on exceptions. */
    private static final class RetryableOutcome extends RuntimeException {
        private final transient SendOutcome outcome;

        RetryableOutcome(SendOutcome outcome) {
            super(describe(outcome), null, false, false);
            this.outcome = outcome;
        }
    }
}

package io.missive.spothit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which outcomes are retried, and how many attempts a call gets. */
class ResilientSenderUnitTest {

    private static final BulkSms SMS = new BulkSms(UUID.randomUUID(), "c1", "Bonjour", false, null,
            List.of(new BulkSms.Recipient("m1", "+33610000001", Map.of())));

    /** Answers with the given outcomes in turn, then accepts. */
    private static final class ScriptedSpotHit implements SendSmsPort {
        private final ArrayDeque<SendOutcome> script;
        int calls;

        ScriptedSpotHit(SendOutcome... outcomes) {
            script = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public SendOutcome send(BulkSms sms) {
            calls++;
            return script.isEmpty() ? new SendOutcome.Accepted("42") : script.poll();
        }
    }

    private static ResilientSender sender(SendSmsPort port, UnknownOutcomePolicy policy) {
        var rateLimiter = RateLimiter.of("test", RateLimiterConfig.custom().limitForPeriod(100)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(5)).build());
        var circuitBreaker = CircuitBreaker.of("test", CircuitBreakerConfig.ofDefaults());
        return new ResilientSender(port, rateLimiter, circuitBreaker, 3, Duration.ofMillis(1), policy);
    }

    @Test
    void transientFaultsAreRetriedUntilAccepted() {
        var spotHit = new ScriptedSpotHit(new SendOutcome.Unavailable("HTTP 503"), new SendOutcome.Unavailable("SPOTHIT_63"));

        var attempted = sender(spotHit, UnknownOutcomePolicy.FAIL).send(SMS);

        assertThat(attempted).isEqualTo(new ResilientSender.Attempted(new SendOutcome.Accepted("42"), 3));
    }

    @Test
    void retriesStopAtTheConfiguredAttemptsWithTheLastReason() {
        var spotHit = new ScriptedSpotHit(new SendOutcome.Unavailable("a"), new SendOutcome.Unavailable("b"),
                new SendOutcome.Unavailable("c"), new SendOutcome.Unavailable("d"));

        var attempted = sender(spotHit, UnknownOutcomePolicy.FAIL).send(SMS);

        assertThat(attempted).isEqualTo(new ResilientSender.Attempted(new SendOutcome.Unavailable("c"), 3));
        assertThat(spotHit.calls).isEqualTo(3);
    }

    @Test
    void aDefinitiveRefusalIsNotRetried() {
        var spotHit = new ScriptedSpotHit(new SendOutcome.Refused("30", "Clé API non reconnue"));

        assertThat(sender(spotHit, UnknownOutcomePolicy.FAIL).send(SMS).attempts()).isEqualTo(1);
    }

    @Test
    void anUnknownOutcomeIsNotResentUnlessThePolicySaysSo() {
        var failing = new ScriptedSpotHit(new SendOutcome.Unknown("timeout"));
        var resending = new ScriptedSpotHit(new SendOutcome.Unknown("timeout"));

        assertThat(sender(failing, UnknownOutcomePolicy.FAIL).send(SMS).outcome()).isEqualTo(new SendOutcome.Unknown("timeout"));
        assertThat(failing.calls).isEqualTo(1);
        assertThat(sender(resending, UnknownOutcomePolicy.RETRY).send(SMS).outcome()).isEqualTo(new SendOutcome.Accepted("42"));
        assertThat(resending.calls).isEqualTo(2);
    }

    @Test
    void anOpenCircuitEndsTheCallAtOnceAsUnavailableWithoutAnAttempt() {
        var spotHit = new ScriptedSpotHit();
        var rateLimiter = RateLimiter.of("test", RateLimiterConfig.custom().limitForPeriod(100)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(5)).build());
        var circuitBreaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .waitDurationInOpenState(Duration.ofMinutes(1)).build());
        circuitBreaker.transitionToOpenState();
        var sender = new ResilientSender(spotHit, rateLimiter, circuitBreaker, 4, Duration.ofSeconds(10),
                UnknownOutcomePolicy.FAIL);

        long started = System.nanoTime();
        var attempted = sender.send(SMS);

        // No backoff waited (the first retry would wait 10 s): the dispatcher parks the messages instead.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(attempted.outcome()).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(attempted.attempts()).isZero();
        assertThat(spotHit.calls).isZero();
    }

    @Test
    void aPermitReservedBeforeTheClaimServesTheFirstAttemptAndNoOther() {
        var spotHit = new ScriptedSpotHit();
        var rateLimiter = RateLimiter.of("test", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        var sender = new ResilientSender(spotHit, rateLimiter, CircuitBreaker.ofDefaults("test"), 1, Duration.ofMillis(1),
                UnknownOutcomePolicy.FAIL);

        var permit = sender.reserve();
        var reservedCall = sender.send(SMS, permit);
        var unreservedCall = sender.send(SMS);

        assertThat(permit.taken()).isTrue();
        assertThat(reservedCall.outcome()).isEqualTo(new SendOutcome.Accepted("42"));
        // The hour's one permit went to the reserved call: the next call finds none and reaches nobody.
        assertThat(unreservedCall.outcome()).isEqualTo(new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: no rate-limit permit in time"));
        assertThat(sender.reserve().taken()).isFalse();
        assertThat(spotHit.calls).isEqualTo(1);
    }

    @Test
    void noPermitIsReservedWhileTheCircuitIsOpenAndTheAnswerSaysWhy() {
        var rateLimiter = RateLimiter.of("test", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        var circuitBreaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .waitDurationInOpenState(Duration.ofMinutes(1)).build());
        circuitBreaker.transitionToOpenState();
        var sender = new ResilientSender(new ScriptedSpotHit(), rateLimiter, circuitBreaker, 1, Duration.ofMillis(1),
                UnknownOutcomePolicy.FAIL);

        var permit = sender.reserve();

        // No permit, and the reason to park the messages with, unclaimed.
        assertThat(permit.taken()).isFalse();
        assertThat(permit.circuitOpen()).isEqualTo(new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: circuit open"));
        assertThat(rateLimiter.getMetrics().getAvailablePermissions()).isEqualTo(1);
    }
}

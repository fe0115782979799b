package io.missive.aircall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdmissionAndRetryPolicyUnitTest {

    private static OutboundMessage message(String phone, String body, String numberId) {
        return new OutboundMessage("m-1", "c-1", phone, body, numberId, "p-1", "s-1");
    }

    @Test
    void refusesWithAReasonWhatMayNotGoToAircall() {
        var open = new Admission(true, false, Set.of());
        var guarded = new Admission(true, true, Set.of("+33612345678"));

        assertThat(new Admission(false, false, Set.of()).refusal(message("+33612345678", "Bonjour", "1"))).contains("AIRCALL_DISABLED");
        assertThat(guarded.refusal(message("+33698765432", "Bonjour", "1"))).contains("SAFEGUARD");
        assertThat(guarded.refusal(message("+33612345678", "Bonjour", "1"))).isEmpty();
        assertThat(open.refusal(message("+33612345678", "Bonjour", null))).contains("NO_AIRCALL_NUMBER");
        assertThat(open.refusal(message("+33612345678", "a".repeat(1601), "1"))).contains("BODY_TOO_LONG");
        assertThat(open.refusal(message("+33612345678", "a".repeat(1600), "1"))).isEmpty();
    }

    @Test
    void theSafeguardComparesNumbersInE164HoweverTheListWritesThem() {
        var guarded = new Admission(true, true, Set.of("06 12 34 56 78", " +33 (0)6 98 76 54 32 ", "not a phone"));

        assertThat(guarded.refusal(message("+33612345678", "Bonjour", "1"))).isEmpty();
        assertThat(guarded.refusal(message("+33698765432", "Bonjour", "1"))).isEmpty();
        assertThat(guarded.refusal(message("+33611111111", "Bonjour", "1"))).contains("SAFEGUARD");
    }

    @Test
    void retriesTenTimesAtSixtyTimesAttemptPlusOneMinutes() {
        var policy = new RetryPolicy(10, Duration.ofMinutes(60));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(60));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(120));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofMinutes(540));
        assertThat(policy.allowsAnotherAfter(9)).isTrue();
        assertThat(policy.allowsAnotherAfter(10)).isFalse();
    }

    @Test
    void anOutageOutlastingTheAttemptsIsRetriedUntilItsDeadlineAndThenFails() {
        var policy = new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofHours(4));
        var received = java.time.Instant.parse("2026-12-01T08:00:00Z");

        var withinAttempts = received.plus(Duration.ofMinutes(1));
        assertThat(policy.retryAfterUnavailable(2, received, withinAttempts)).contains(withinAttempts.plus(Duration.ofMinutes(2)));
        var beyondAttempts = received.plus(Duration.ofMinutes(10));
        assertThat(policy.retryAfterUnavailable(7, received, beyondAttempts))
                .as("the wait stops growing at the last attempt's").contains(beyondAttempts.plus(Duration.ofMinutes(3)));
        var nearDeadline = received.plus(Duration.ofHours(4)).minusSeconds(30);
        assertThat(policy.retryAfterUnavailable(40, received, nearDeadline))
                .as("the last attempt is at the deadline").contains(received.plus(Duration.ofHours(4)));
        assertThat(policy.retryAfterUnavailable(41, received, received.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(new RetryPolicy(3, Duration.ofMinutes(1)).retryAfterUnavailable(3, received, withinAttempts))
                .as("without a deadline the attempts are the budget").isEmpty();
    }
}

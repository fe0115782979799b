package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one way out of a final status (decision 0504): FAILED UNKNOWN_OUTCOME reconciled from SpotHit's receipts. */
class ReconciledUnknownOutcomeUnitTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void anUnknownOutcomeReconciledBecomesSentThenTakesItsReceipt() {
        var failed = failed("UNKNOWN_OUTCOME");
        assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(5));

        var reconciled = failed.apply(Transition.reconciled("m-1", "r", T0.plusSeconds(30), "4711"));
        assertThat(reconciled.progress().status()).isEqualTo(Status.SENT);
        assertThat(reconciled.progress().lifecycle()).isInstanceOf(Lifecycle.Open.class);
        assertThat(reconciled.progress().finishedAt()).as("no longer finished").isNull();
        assertThat(reconciled.progress().reason()).startsWith("RECONCILED").contains("4711");
        assertThat(reconciled.history().anomaly()).isFalse();
        assertThat(reconciled.history().report().source()).isEqualTo(Transition.RECONCILIATION);

        var delivered = reconciled.progress().apply(
                new Transition("m-1", "receipt", Status.DELIVERED, T0.plusSeconds(3), "spothit", null, null));
        assertThat(delivered.progress().status()).isEqualTo(Status.DELIVERED);
        assertThat(delivered.progress().finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(delivered.history().anomaly()).isFalse();
    }

    @Test
    void anyOtherFailureStaysFinal() {
        for (var reason : new String[] {"SPOTHIT_STATUS_4", "PROVIDER_UNAVAILABLE: 503", "SAFEGUARD"}) {
            var failed = failed(reason);
            var applied = failed.apply(Transition.reconciled("m-1", "r", T0.plusSeconds(30), "4711"));
            assertThat(applied.progress().status()).as(reason).isEqualTo(Status.FAILED);
            assertThat(applied.progress().reason()).isEqualTo(reason);
            assertThat(applied.progress().finishedAt()).isEqualTo(T0.plusSeconds(5));
        }
    }

    @Test
    void aPlainSentNeverReopensAnUnknownOutcome() {
        var applied = failed("UNKNOWN_OUTCOME").apply(
                new Transition("m-1", "late-sent", Status.SENT, T0.plusSeconds(30), "spothit-dispatcher", null, 1));
        assertThat(applied.progress().status()).isEqualTo(Status.FAILED);
        assertThat(applied.progress().reason()).isEqualTo("UNKNOWN_OUTCOME");
    }

    @Test
    void onAMessageStillOpenAReconciliationIsAPlainSent() {
        var inProgress = new MessageProgress("m-1", Lifecycle.at(Status.IN_PROGRESS), T0, null, null, null, null, null);
        var applied = inProgress.apply(Transition.reconciled("m-1", "r", T0.plusSeconds(30), "4711"));
        assertThat(applied.progress().status()).isEqualTo(Status.SENT);
        assertThat(applied.progress().finishedAt()).isNull();
    }

    private static MessageProgress failed(String reason) {
        return new MessageProgress("m-1", Lifecycle.at(Status.IN_PROGRESS), T0, null, null, null, null, null)
                .apply(new Transition("m-1", "f", Status.FAILED, T0.plusSeconds(5), "spothit-dispatcher", reason, 1))
                .progress();
    }
}

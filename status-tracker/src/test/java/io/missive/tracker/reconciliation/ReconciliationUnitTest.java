package io.missive.tracker.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.tracker.reconciliation.Reconciliation.Adoption;
import io.missive.tracker.reconciliation.Reconciliation.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which message adopts which campaign: one call, one campaign (decision 0504). */
class ReconciliationUnitTest {

    @Test
    void eachNumberOfAHeldCallAdoptsTheCampaignItsReceiptNames() {
        var decision = Reconciliation.decide(List.of(
                new Candidate("900", "+33600000001", "m-1", "call-a"),
                new Candidate("900", "+33600000002", "m-2", "call-a")), Map.of(), Map.of());

        assertThat(decision.adoptions()).containsExactly(
                new Adoption("m-1", "call-a", "900", "+33600000001"),
                new Adoption("m-2", "call-a", "900", "+33600000002"));
        assertThat(decision.ambiguous()).isEmpty();
    }

    @Test
    void aNumberInTwoCallsInDoubtWaitsUntilItsCallIsKnownByAnotherNumber() {
        // +33600000001 is in both held calls; +33600000002 only in call-a, +33600000003 only in call-b.
        var decision = Reconciliation.decide(List.of(
                new Candidate("900", "+33600000001", "m-a1", "call-a"),
                new Candidate("900", "+33600000001", "m-b1", "call-b"),
                new Candidate("900", "+33600000002", "m-a2", "call-a"),
                new Candidate("901", "+33600000001", "m-a1", "call-a"),
                new Candidate("901", "+33600000001", "m-b1", "call-b"),
                new Candidate("901", "+33600000003", "m-b3", "call-b")), Map.of(), Map.of());

        assertThat(decision.adoptions()).extracting(Adoption::messageId, Adoption::providerMessageId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("m-a2", "900"),
                        org.assertj.core.groups.Tuple.tuple("m-a1", "900"),
                        org.assertj.core.groups.Tuple.tuple("m-b3", "901"),
                        org.assertj.core.groups.Tuple.tuple("m-b1", "901"));
        assertThat(decision.ambiguous()).isEmpty();
    }

    @Test
    void aNumberInTwoCallsWithNothingElseToTellThemApartIsLeftAlone() {
        var decision = Reconciliation.decide(List.of(
                new Candidate("900", "+33600000001", "m-a1", "call-a"),
                new Candidate("900", "+33600000001", "m-b1", "call-b")), Map.of(), Map.of());

        assertThat(decision.adoptions()).isEmpty();
        assertThat(decision.ambiguous()).hasSize(2);
    }

    @Test
    void aCallThatAdoptedOneCampaignNeverAdoptsAnother() {
        var decision = Reconciliation.decide(List.of(new Candidate("901", "+33600000002", "m-a2", "call-a")),
                Map.of("call-a", "900"), Map.of("900", "call-a"));

        assertThat(decision.adoptions()).isEmpty();
        assertThat(decision.ambiguous()).isEmpty();
    }

    @Test
    void aCampaignAlreadyAdoptedSpeaksOnlyForItsCall() {
        var decision = Reconciliation.decide(List.of(
                new Candidate("900", "+33600000001", "m-a1", "call-a"),
                new Candidate("900", "+33600000001", "m-b1", "call-b")), Map.of("call-a", "900"), Map.of("900", "call-a"));

        assertThat(decision.adoptions()).containsExactly(new Adoption("m-a1", "call-a", "900", "+33600000001"));
    }

    @Test
    void theSameReceiptPairReadTwiceIsOneCandidate() {
        var pair = new Candidate("900", "+33600000001", "m-1", "call-a");
        var decision = Reconciliation.decide(List.of(pair, pair), Map.of(), Map.of());

        assertThat(decision.adoptions()).hasSize(1);
    }
}

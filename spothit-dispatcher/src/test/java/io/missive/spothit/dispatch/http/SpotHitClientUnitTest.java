package io.missive.spothit.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.spothit.dispatch.SendOutcome;
import org.junit.jupiter.api.Test;

/** SpotHit's answers, read as outcomes: accepted, refused for good, worth retrying, or unknown. */
class SpotHitClientUnitTest {

    @Test
    void readsAnAcceptanceWithANumericOrQuotedId() {
        assertThat(SpotHitClient.outcome(200, "{\"resultat\":1,\"id\":1337}")).isEqualTo(new SendOutcome.Accepted("1337"));
        assertThat(SpotHitClient.outcome(200, "{\"resultat\":\"1\",\"id\":\"ab-12\"}")).isEqualTo(new SendOutcome.Accepted("ab-12"));
    }

    @Test
    void aRefusalCarriesSpotHitsCodesAndTheirMeaning() {
        var outcome = SpotHitClient.outcome(200, "{\"resultat\":0,\"erreurs\":\"3,6\"}");

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("SPOTHIT_3,6: Le message contient plus de 160 caractères; Numéro de destinataire invalide"));
    }

    @Test
    void rateLimitsAndServerErrorsAreWorthRetryingAndGarbageIsUnknown() {
        assertThat(SpotHitClient.outcome(200, "{\"resultat\":0,\"erreurs\":\"63\"}")).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(SpotHitClient.outcome(503, "<html>")).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(SpotHitClient.outcome(200, "<html>oops</html>")).isInstanceOf(SendOutcome.Unknown.class);
    }

    @Test
    void readsTheRcsEndpointsAnswers() {
        assertThat(SpotHitClient.rcsOutcome(200, "{\"success\": true, \"campaign_id\": 98765}"))
                .isEqualTo(new SendOutcome.Accepted("98765"));
        assertThat(SpotHitClient.rcsOutcome(200, "{\"success\":false,\"error\":{\"code\":\"rcs_disabled\",\"message\":\"RCS non activé\"}}"))
                .isEqualTo(new SendOutcome.Refused("rcs_disabled", "RCS non activé"));
        assertThat(SpotHitClient.rcsOutcome(200, "{\"success\":false,\"erreurs\":\"63\"}")).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(SpotHitClient.rcsOutcome(200, "{\"resultat\":0,\"erreurs\":\"30\"}")).as("the SMS answer's shape")
                .isInstanceOf(SendOutcome.Refused.class);
        assertThat(SpotHitClient.rcsOutcome(502, "")).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(SpotHitClient.rcsOutcome(200, "ok")).isInstanceOf(SendOutcome.Unknown.class);
    }

    @Test
    void readsTheMediaUploadsAnswer() {
        assertThat(SpotHitClient.uploadOutcome(200, "{\"success\": true, \"file\": \"a1b2c3\"}"))
                .isEqualTo(new SendOutcome.Accepted("a1b2c3"));
        assertThat(SpotHitClient.uploadOutcome(200, "{\"success\":true}")).isInstanceOf(SendOutcome.Unknown.class);
        assertThat(SpotHitClient.uploadOutcome(200, "{\"success\":false,\"error\":{\"code\":\"fichier\",\"message\":\"fichier manquant\"}}"))
                .isEqualTo(new SendOutcome.Refused("fichier", "fichier manquant"));
        assertThat(SpotHitClient.uploadOutcome(503, "")).isInstanceOf(SendOutcome.Unavailable.class);
    }
}

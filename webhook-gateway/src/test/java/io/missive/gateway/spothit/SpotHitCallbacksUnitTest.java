package io.missive.gateway.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.events.StatusUpdated;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.gateway.webhooks.RejectedCredentials;
import io.missive.gateway.webhooks.SharedSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpotHitCallbacksUnitTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final SpotHitCallbacks callbacks = new SpotHitCallbacks(clock, SharedSecret.none());

    @Test
    void everyStatusCodeFromZeroToFiveIsAccepted() {
        for (int code = 0; code <= 5; code++) {
            var event = (StatusUpdated) callbacks.receipt("42", Integer.toString(code), null).getFirst().event();
            assertThat(event.getStatus().ordinal()).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "-1", "1.0", "01", "un", "1 2", "9999999999999"})
    void aStatusOutsideZeroToFiveIsRefused(String statut) {
        assertThatThrownBy(() -> callbacks.receipt("42", statut, null))
                .isInstanceOf(InvalidCallback.class)
                .hasMessageContaining("statut");
    }

    @Test
    void aDuplicateReceiptHasTheSameEventIdAndADifferentStatusAnother() {
        var first = callbacks.receipt("42", "1", "0612345678").getFirst().eventId();
        var again = callbacks.receipt("42", "1", "+33612345678").getFirst().eventId();
        var other = callbacks.receipt("42", "4", "0612345678").getFirst().eventId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aConfiguredSecretIsRequired() {
        var guarded = new SpotHitCallbacks(clock, SharedSecret.of("shh"));

        assertThatThrownBy(() -> guarded.authenticate("/spot_hit/status", null)).isInstanceOf(RejectedCredentials.class);
        assertThatThrownBy(() -> guarded.authenticate("/spot_hit/status", "nope")).isInstanceOf(RejectedCredentials.class);
        guarded.authenticate("/spot_hit/status", "shh");
        callbacks.authenticate("/spot_hit/status", null);
    }
}

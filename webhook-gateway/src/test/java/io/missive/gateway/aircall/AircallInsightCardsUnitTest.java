package io.missive.gateway.aircall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.events.AircallCallEvent;
import io.missive.gateway.webhooks.RejectedCredentials;
import io.missive.gateway.webhooks.SharedSecret;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AircallInsightCardsUnitTest {

    private static Map<AircallEndpoint, SharedSecret> requiredTokens() {
        var tokens = new HashMap<AircallEndpoint, SharedSecret>();
        tokens.put(AircallEndpoint.MESSAGES, SharedSecret.of("m"));
        tokens.put(AircallEndpoint.MESSAGE_STATUS_UPDATED, SharedSecret.of("s"));
        tokens.put(AircallEndpoint.CALLS, SharedSecret.of("c"));
        return tokens;
    }

    private static AircallWebhook ringing(String direction, String rawDigits) {
        return new AircallWebhook("call.created", 1764070200L, "t",
                new AircallWebhook.Data("7001", direction, "initial", null, rawDigits, null, "4242", null, null));
    }

    @Test
    void withoutItsTokenTheInsightCardsWebhookIsClosedNotOpen() {
        var webhooks = new AircallWebhooks(requiredTokens(), Clock.systemUTC());

        assertThatThrownBy(() -> webhooks.authenticate(AircallEndpoint.INSIGHT_CARDS, "anything"))
                .isInstanceOf(RejectedCredentials.class);
        assertThatThrownBy(() -> webhooks.authenticate(AircallEndpoint.INSIGHT_CARDS, null))
                .isInstanceOf(RejectedCredentials.class);
    }

    @Test
    void aHiddenCallerStillAsksForACardWhichWillSayTheCallerIsUnknown() {
        var tokens = requiredTokens();
        tokens.put(AircallEndpoint.INSIGHT_CARDS, SharedSecret.of("t"));
        var webhooks = new AircallWebhooks(tokens, Clock.systemUTC());

        var outcome = webhooks.handle(AircallEndpoint.INSIGHT_CARDS, ringing("inbound", "anonymous"));

        assertThat(outcome.events()).singleElement().satisfies(event -> {
            var call = (AircallCallEvent) event.event();
            assertThat(call.getInsightCard()).isTrue();
            assertThat(call.getPhone()).isNull();
        });
        assertThat(webhooks.handle(AircallEndpoint.INSIGHT_CARDS, ringing("outbound", "+33611223344")).events()).isEmpty();
        assertThat(webhooks.handle(AircallEndpoint.CALLS, ringing("inbound", "+33611223344")).events())
                .singleElement().satisfies(event -> assertThat(((AircallCallEvent) event.event()).getInsightCard()).isFalse());
    }
}

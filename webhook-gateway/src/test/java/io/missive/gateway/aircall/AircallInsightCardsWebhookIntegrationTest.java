package io.missive.gateway.aircall;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.AircallCallEvent;
import io.missive.gateway.GatewayClientTest;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The insight-cards webhook: a ringing inbound call becomes a call event asking for a card, behind its own token. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=" + AircallInsightCardsWebhookIntegrationTest.CALL_TOKEN,
        "missive.gateway.aircall.event-message-status-updated-token=s",
        "missive.gateway.aircall.insight-cards-token=" + AircallInsightCardsWebhookIntegrationTest.CARDS_TOKEN})
class AircallInsightCardsWebhookIntegrationTest extends GatewayClientTest {

    static final String CARDS_TOKEN = "cards-5e6f7a";
    static final String CALL_TOKEN = "call-0a1b2c";
    private static final Duration WAIT = Duration.ofSeconds(15);

    static String call(String token, String event, long id, String direction) {
        return """
                {"resource":"call","event":"%s","timestamp":1764070200,"token":"%s",
                 "data":{"id":%d,"direction":"%s","status":"initial","raw_digits":"+33 6 11 22 33 44",
                         "number":{"id":4242,"digits":"+33 1 00 00 00 00"},"user":null}}"""
                .formatted(event, token, id, direction);
    }

    @Test
    void aRingingInboundCallIsPublishedAsACallEventAskingForACardOnlyOnceKafkaHasIt(TestNamespace namespace, CapturedOutput output) {
        try (var calls = KafkaProbe.fromNow(namespace, Topics.AIRCALL_CALLS)) {
            var response = http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.created", 713001, "inbound"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"published\":1");
            assertThat(http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.ringing_on_agent", 713002, "inbound"))
                    .statusCode()).isEqualTo(200);

            var events = calls.awaitEvents(AircallCallEvent.class, 2, WAIT);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getInsightCard()).isTrue();
                assertThat(event.getDirection()).isEqualTo("inbound");
                assertThat(event.getPhone()).isEqualTo("+33611223344");
                assertThat(event.getNumberId()).isEqualTo("4242");
            });
            assertThat(events).extracting(AircallCallEvent::getCallId, AircallCallEvent::getEvent).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("713001", "call.created"),
                    org.assertj.core.groups.Tuple.tuple("713002", "call.ringing_on_agent"));
            assertThat(calls.records()).extracting(r -> r.key()).containsExactly("713001", "713002");
        }
        assertThat(output.getAll()).contains("aircallId=713001").doesNotContain(CARDS_TOKEN)
                .doesNotContain("+33611223344").doesNotContain("+33 6 11 22 33 44");
    }

    @Test
    void aWrongMissingOrOtherWebhooksTokenIs401AndNothingIsPublished(TestNamespace namespace) {
        try (var calls = KafkaProbe.fromNow(namespace, Topics.AIRCALL_CALLS)) {
            assertThat(http.postJson("/aircall/insight_cards", call("wrong-" + CARDS_TOKEN, "call.created", 713101, "inbound"))
                    .statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.created", 713102, "inbound")
                    .replace("\"token\":\"" + CARDS_TOKEN + "\",", "")).statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/insight_cards", call(CALL_TOKEN, "call.created", 713103, "inbound"))
                    .statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/calls", call(CARDS_TOKEN, "call.created", 713104, "inbound"))
                    .statusCode()).isEqualTo(401);

            // a good one after them: once it arrives, anything the refused ones published would have too
            assertThat(http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.created", 713105, "inbound"))
                    .statusCode()).isEqualTo(200);
            calls.awaitEvents(AircallCallEvent.class, 1, WAIT);
            calls.assertNoneArrive(Duration.ofMillis(300));
            assertThat(calls.records()).extracting(r -> r.key()).containsExactly("713105");
        }
    }

    @Test
    void outboundCallsAndOtherEventsAreAcknowledgedWithoutACard(TestNamespace namespace) {
        try (var calls = KafkaProbe.fromNow(namespace, Topics.AIRCALL_CALLS)) {
            var outbound = http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.created", 713201, "outbound"));
            assertThat(outbound.statusCode()).isEqualTo(200);
            assertThat(outbound.body()).contains("\"published\":0");
            assertThat(http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.ended", 713202, "inbound")).body())
                    .contains("\"published\":0");
            assertThat(http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.created", 713203, "inbound")
                    .replace("\"id\":713203,", "")).statusCode()).isEqualTo(400);

            assertThat(http.postJson("/aircall/insight_cards", call(CARDS_TOKEN, "call.created", 713204, "inbound"))
                    .statusCode()).isEqualTo(200);
            calls.awaitEvents(AircallCallEvent.class, 1, WAIT);
            calls.assertNoneArrive(Duration.ofMillis(300));
            assertThat(calls.records()).extracting(r -> r.key()).containsExactly("713204");
        }
    }
}

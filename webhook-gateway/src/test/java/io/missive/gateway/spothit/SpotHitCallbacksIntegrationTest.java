package io.missive.gateway.spothit;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayClientTest;
import io.missive.gateway.GatewayHttp;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SpotHit's callbacks, in SpotHit's real form and in the seed's, against the real broker. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class SpotHitCallbacksIntegrationTest extends GatewayClientTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aReceiptForOneNumberBecomesAStatusUpdateKeyedByTheCampaign(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var response = http.get("/spot_hit/status" + query("id_message", "5501", "statut", "1", "numero", "06 12 34 56 78"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"published\":1");
            var event = status.awaitEvents(StatusUpdated.class, 1, WAIT).getFirst();
            assertThat(status.records().getFirst().key()).isEqualTo("5501");
            assertThat(event.getMessageId()).isNull();
            assertThat(event.getProvider()).isEqualTo(Provider.SPOTHIT);
            assertThat(event.getProviderMessageId()).isEqualTo("5501");
            assertThat(event.getPhone()).isEqualTo("+33612345678");
            assertThat(event.getStatus()).isEqualTo(Status.DELIVERED);
            assertThat(event.getSource()).isEqualTo("spothit");
            assertThat(event.getEventId()).isEqualTo(MessageIds.eventIdFrom("spothit", "status", "5501", "+33612345678", "1"));
        }
    }

    @Test
    void aReceiptWithoutNumberTargetsTheWholeCampaignAndADuplicateKeepsItsEventId(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            assertThat(http.get("/spot_hit/status" + query("id_message", "5502", "statut", "4")).statusCode()).isEqualTo(200);
            assertThat(http.get("/spot_hit/status" + query("id_message", "5502", "statut", "4")).statusCode()).isEqualTo(200);

            var events = status.awaitEvents(StatusUpdated.class, 2, WAIT);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getPhone()).isNull();
                assertThat(event.getProviderMessageId()).isEqualTo("5502");
                assertThat(event.getStatus()).isEqualTo(Status.FAILED);
                assertThat(event.getReason()).isEqualTo("SPOTHIT_STATUS_4");
            });
            assertThat(events.get(0).getEventId()).isEqualTo(events.get(1).getEventId());
            assertThat(status.records()).extracting(r -> r.key()).containsOnly("5502");
        }
    }

    @Test
    void theSeedsPutFormMapsItsPathIdToSpotHitsMessageId(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var response = http.form("PUT", "/events/5503/update_status", Map.of("statut", "5", "numero", "+33698765432"));

            assertThat(response.statusCode()).isEqualTo(200);
            var event = status.awaitEvents(StatusUpdated.class, 1, WAIT).getFirst();
            assertThat(status.records().getFirst().key()).isEqualTo("5503");
            assertThat(event.getProviderMessageId()).isEqualTo("5503");
            assertThat(event.getPhone()).isEqualTo("+33698765432");
            assertThat(event.getStatus()).isEqualTo(Status.EXPIRED);
        }
    }

    @Test
    void aStopOptsThePhoneOutAndIsKeptAsAnInboundStop(TestNamespace namespace) {
        try (var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS);
             var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND)) {
            assertThat(http.get("/spot_hit/stop" + query("numero", "0611223344")).statusCode()).isEqualTo(200);
            assertThat(http.form("POST", "/events/spot_hit_stop", Map.of("numero", "33622334455", "message", "STOP")).statusCode())
                    .isEqualTo(200);

            var outs = optOuts.awaitEvents(OptOut.class, 2, WAIT);
            assertThat(outs).extracting(OptOut::getPhone).containsExactlyInAnyOrder("+33611223344", "+33622334455");
            assertThat(outs).allSatisfy(out -> assertThat(out.getProvider()).isEqualTo(Provider.SPOTHIT));
            assertThat(optOuts.records()).extracting(r -> r.key()).containsExactlyInAnyOrder("+33611223344", "+33622334455");
            var stops = inbound.awaitEvents(InboundMessage.class, 2, WAIT);
            assertThat(stops).allSatisfy(stop -> {
                assertThat(stop.getKind()).isEqualTo(InboundKind.STOP);
                assertThat(stop.getBody()).isEqualTo("STOP");
            });
            assertThat(inbound.records()).extracting(r -> r.key()).containsExactlyInAnyOrder("+33611223344", "+33622334455");
        }
    }

    @Test
    void aReplyBecomesAnInboundMessageKeyedByPhone(TestNamespace namespace) {
        try (var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND)) {
            assertThat(http.get("/spot_hit/response" + query("numero", "0633445566", "message", "Merci, à demain !")).statusCode())
                    .isEqualTo(200);
            assertThat(http.form("POST", "/events/spot_hit_response", Map.of("numero", "0633445566", "message", "Oui", "id", "r-77"))
                    .statusCode()).isEqualTo(200);

            var replies = inbound.awaitEvents(InboundMessage.class, 2, WAIT);
            assertThat(replies).extracting(InboundMessage::getBody).containsExactlyInAnyOrder("Merci, à demain !", "Oui");
            assertThat(replies).allSatisfy(reply -> {
                assertThat(reply.getKind()).isEqualTo(InboundKind.REPLY);
                assertThat(reply.getPhone()).isEqualTo("+33633445566");
                assertThat(reply.getProvider()).isEqualTo(Provider.SPOTHIT);
            });
            assertThat(inbound.records()).extracting(r -> r.key()).containsOnly("+33633445566");
        }
    }

    @Test
    void badCallbacksGetA4xxProblemAndPublishNothing(TestNamespace namespace) {
        List<Supplier<HttpResponse<String>>> bad = List.of(
                () -> http.get("/spot_hit/status"),
                () -> http.get("/spot_hit/status" + query("statut", "1")),
                () -> http.get("/spot_hit/status" + query("id_message", "6601")),
                () -> http.get("/spot_hit/status" + query("id_message", "6601", "statut", "6")),
                () -> http.get("/spot_hit/status" + query("id_message", "6601", "statut", "-1")),
                () -> http.get("/spot_hit/status" + query("id_message", "6601", "statut", "un")),
                () -> http.get("/spot_hit/status" + query("id_message", "6601", "statut", "1", "numero", "pas un numéro")),
                () -> http.get("/spot_hit/status" + query("id_message", "<script>", "statut", "1")),
                () -> http.get("/spot_hit/status" + query("id_message", "6601", "statut", "1") + "&statut=2"),
                () -> http.form("PUT", "/events/6601/update_status", Map.of("statut", "9")),
                () -> http.form("PUT", "/events/6601/update_status", Map.of("statut", "1", "id_message", "6602")),
                () -> http.get("/spot_hit/stop"),
                () -> http.get("/spot_hit/stop" + query("numero", "12")),
                () -> http.form("POST", "/events/spot_hit_stop", Map.of("message", "STOP")),
                () -> http.get("/spot_hit/response" + query("numero", "0612345678")),
                () -> http.get("/spot_hit/response" + query("numero", "0612345678", "message", "x".repeat(6000))),
                () -> http.form("POST", "/events/spot_hit_response", Map.of("numero", "0612345678", "message", "y".repeat(70_000))),
                () -> http.send(HttpRequest.newBuilder(http.uri("/spot_hit/status")).DELETE()));
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND);
             var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS)) {
            for (var request : bad) {
                var response = request.get();
                assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
                if (response.statusCode() != 405) {
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                }
            }
            // a well-formed callback after them: once it arrives, anything the bad ones published would have too
            assertThat(http.get("/spot_hit/status" + query("id_message", "6699", "statut", "2")).statusCode()).isEqualTo(200);
            status.awaitEvents(StatusUpdated.class, 1, WAIT);
            inbound.assertNoneArrive(Duration.ofMillis(300));
            optOuts.assertNoneArrive(Duration.ofMillis(300));
            assertThat(status.records()).extracting(r -> r.key()).containsExactly("6699");
        }
    }

    @Test
    void aBadStatusSaysWhy() {
        var response = http.get("/spot_hit/status" + query("id_message", "6601", "statut", "6"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("statut must be a status code from 0 to 5");
    }
}

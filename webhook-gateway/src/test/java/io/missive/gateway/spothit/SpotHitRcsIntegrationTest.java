package io.missive.gateway.spothit;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayClientTest;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SpotHit's RCS status webhook against the real broker: every mapping, several events per request, bad input. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class SpotHitRcsIntegrationTest extends GatewayClientTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyStatusMapsAsSpotHitDocumentsItAndTheQueuedOnesSayNothing(TestNamespace namespace) {
        var expected = Map.of(
                "SENT", Status.SENT, "DELIVERED", Status.DELIVERED, "DELIVERY_RETRIED", Status.IN_PROGRESS,
                "DELIVERY_FAILED", Status.FAILED, "SCHEDULE_DELETION_FAILED", Status.FAILED,
                "SCHEDULE_DELETED", Status.EXPIRED, "READ", Status.READ);
        var phones = Map.of("SENT", "0612000001", "DELIVERED", "0612000002", "DELIVERY_RETRIED", "0612000003",
                "DELIVERY_FAILED", "0612000004", "SCHEDULE_DELETION_FAILED", "0612000005", "SCHEDULE_DELETED", "0612000006",
                "READ", "0612000007");
        var body = "{\"events\":[" + expected.keySet().stream().map(s -> event(s, null, phones.get(s), "7701", "boom"))
                .collect(Collectors.joining(",")) + "," + event("QUEUED", null, "0612000008", "7701", null) + ","
                + event("SCHEDULED", null, "0612000008", "7701", null) + ","
                + event("SCHEDULE_QUEUED", null, "0612000008", "7701", null) + "]}";
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var response = http.postJson("/spot_hit/rcs", body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"published\":7", "3 queued or scheduled");
            var events = status.awaitEvents(StatusUpdated.class, 7, WAIT);
            assertThat(status.records()).extracting(r -> r.key()).containsOnly("7701");
            for (var entry : expected.entrySet()) {
                var phone = "+33" + phones.get(entry.getKey()).substring(1);
                assertThat(events).filteredOn(e -> e.getPhone().equals(phone)).singleElement().satisfies(event -> {
                    assertThat(event.getStatus()).as(entry.getKey()).isEqualTo(entry.getValue());
                    assertThat(event.getProvider()).isEqualTo(Provider.SPOTHIT);
                    assertThat(event.getProviderMessageId()).isEqualTo("7701");
                    assertThat(event.getMessageId()).isNull();
                    assertThat(event.getFallback()).isFalse();
                });
            }
            assertThat(events).filteredOn(e -> e.getStatus() == Status.FAILED)
                    .extracting(StatusUpdated::getReason).containsExactlyInAnyOrder(
                            "SPOTHIT_RCS_DELIVERY_FAILED: boom", "SPOTHIT_RCS_SCHEDULE_DELETION_FAILED: boom");
            status.assertNoneArrive(Duration.ofMillis(500));
        }
    }

    @Test
    void theFallbackChannelMarksTheReceiptAndARedeliveredCallbackKeepsItsEventIds(TestNamespace namespace) {
        var body = "{\"events\":[" + event("DELIVERED", "fallback", "+33612000011", "7702", null) + "]}";
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            assertThat(http.postJson("/spot_hit/rcs", body).statusCode()).isEqualTo(200);
            assertThat(http.postJson("/spot_hit/rcs", body).statusCode()).isEqualTo(200);

            var events = status.awaitEvents(StatusUpdated.class, 2, WAIT);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getFallback()).isTrue();
                assertThat(event.getStatus()).isEqualTo(Status.DELIVERED);
            });
            assertThat(events.get(0).getEventId()).isEqualTo(events.get(1).getEventId());
        }
    }

    @Test
    void anUnknownStatusIsDeadLetteredAndTheRestOfTheRequestApplies(TestNamespace namespace) {
        var body = "{\"events\":[" + event("TELEPORTED", null, "+33612000021", "7703", null) + ","
                + event("READ", null, "+33612000022", "7703", null) + "]}";
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var deadLetters = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.STATUS))) {
            var response = http.postJson("/spot_hit/rcs", body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"published\":1", "1 unknown status dead-lettered");
            assertThat(status.awaitEvents(StatusUpdated.class, 1, WAIT).getFirst().getStatus()).isEqualTo(Status.READ);
            var dead = deadLetters.awaitRecords(1, WAIT).getFirst();
            assertThat(dead.key()).isEqualTo("7703");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("TELEPORTED");
            assertThat(http.getWithToken("/actuator/prometheus").body()).contains("missive_gateway_rcs_unknown_status_total");
        }
    }

    @Test
    void aMalformedBodyIsRefusedAndNothingIsPublished(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            assertThat(http.postJson("/spot_hit/rcs", "{\"events\":[{\"messageStatusChanged\":").statusCode()).isEqualTo(400);
            assertThat(http.postJson("/spot_hit/rcs", "{\"events\":{}}").statusCode()).isEqualTo(400);
            assertThat(http.postJson("/spot_hit/rcs", "{\"events\":[]}").statusCode()).isEqualTo(400);
            // One bad event (no campaign id) refuses the whole request, the good one included.
            var response = http.postJson("/spot_hit/rcs", "{\"events\":[" + event("READ", null, "+33612000031", "7704", null)
                    + ",{\"messageStatusChanged\":{\"status\":\"READ\",\"userId\":\"+33612000032\"}}]}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("context.campaign_id");
            assertThat(http.postJson("/spot_hit/rcs", "{\"events\":[" + event("READ", null, "not a phone", "7704", null) + "]}")
                    .statusCode()).isEqualTo(400);
            status.assertNoneArrive(Duration.ofSeconds(1));
        }
    }

    private static String event(String status, String channelId, String phone, String campaignId, String error) {
        return "{\"messageStatusChanged\":{\"status\":\"" + status + "\""
                + (channelId == null ? "" : ",\"channelId\":\"" + channelId + "\"")
                + ",\"userId\":\"" + phone + "\",\"context\":{\"campaign_id\":" + campaignId + "}"
                + (error == null ? "" : ",\"error\":\"" + error + "\"") + "}}";
    }
}

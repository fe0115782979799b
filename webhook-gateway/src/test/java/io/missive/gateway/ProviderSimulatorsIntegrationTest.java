package io.missive.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The testkit's SpotHit and Aircall simulators (which call back as the real providers do) against
 * the gateway: their receipts and webhooks are accepted and become the expected events.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=sim-messages-token", "missive.gateway.aircall.call-token=sim-call-token",
        "missive.gateway.aircall.event-message-status-updated-token=sim-status-token"})
class ProviderSimulatorsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void spotHitsReceiptsForACampaignBecomeStatusUpdatesJoinableOnCampaignAndPhone(TestNamespace namespace) {
        try (var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("sim-key"));
             var http = new GatewayHttp(port);
             var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            spotHit.receipts(SpotHitSimulatorConfig.ReceiptPlan.allDelivered("http://localhost:" + port + "/spot_hit/status?secret=" + GatewayHttp.SPOT_HIT_SECRET));
            var sent = http.send(HttpRequest.newBuilder(java.net.URI.create(spotHit.baseUrl() + SpotHitSimulator.SMS_PATH))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(GatewayHttp.encode(Map.of("key", "sim-key", "message", "Bonjour",
                            "destinataires_type", "datas", "destinataires[+33612345678][PRENOM]", "Lou")))));
            var matcher = Pattern.compile("\"id\"\\s*:\\s*\"?(\\w+)").matcher(sent.body());
            assertThat(matcher.find()).as(sent.body()).isTrue();
            var campaign = matcher.group(1);

            var receipt = status.awaitEvent(StatusUpdated.class, e -> campaign.equals(e.getProviderMessageId()), WAIT);

            assertThat(receipt.getProvider()).isEqualTo(Provider.SPOTHIT);
            assertThat(receipt.getPhone()).isEqualTo("+33612345678");
            assertThat(receipt.getStatus()).isEqualTo(Status.DELIVERED);
        }
    }

    @Test
    void aircallsWebhooksForAnOutboundMessageAndAReplyAreAccepted(TestNamespace namespace) {
        var config = AircallSimulatorConfig.forTests()
                .withMessagesWebhookUrl("http://localhost:" + port + "/aircall/messages")
                .withStatusWebhookUrl("http://localhost:" + port + "/aircall/events_messages_status_updated");
        try (var aircall = AircallSimulator.start(config);
             var http = new GatewayHttp(port);
             var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND)) {
            var credentials = Base64.getEncoder().encodeToString("sim-id:sim-token".getBytes(StandardCharsets.UTF_8));
            var sent = http.send(HttpRequest.newBuilder(java.net.URI.create(aircall.baseUrl() + "/v1/numbers/"
                            + AircallSimulatorConfig.DEFAULT_NUMBER_ID + "/messages/native/send"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+33612345678\",\"body\":\"Bonjour\"}")));
            assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 299);
            var matcher = Pattern.compile("\"id\"\\s*:\\s*\"?(\\w+)").matcher(sent.body());
            assertThat(matcher.find()).as(sent.body()).isTrue();
            var aircallId = matcher.group(1);

            var delivered = status.awaitEvent(StatusUpdated.class,
                    e -> aircallId.equals(e.getProviderMessageId()) && e.getStatus() == Status.DELIVERED, WAIT);
            assertThat(delivered.getProvider()).isEqualTo(Provider.AIRCALL);

            aircall.receive("+33612345678", AircallSimulatorConfig.DEFAULT_NUMBER_ID, "Merci !");
            var reply = inbound.awaitEvents(InboundMessage.class, 1, WAIT).getFirst();
            assertThat(reply.getProvider()).isEqualTo(Provider.AIRCALL);
            assertThat(reply.getKind()).isEqualTo(InboundKind.REPLY);
            assertThat(reply.getBody()).isEqualTo("Merci !");
            assertThat(aircall.webhooks()).allSatisfy(webhook -> assertThat(webhook.responseStatus()).isEqualTo(200));
        }
    }
}

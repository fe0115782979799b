package io.missive.simulators.aircall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP, as the dispatcher and the gateway will meet it. */
class AircallSimulatorIntegrationTest {

    private static final String PATH = "/v1/numbers/123456/messages/native/send";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private AircallSimulator aircall;
    private HttpServer receiver;

    @AfterEach
    void stop() {
        if (aircall != null) {
            aircall.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void acceptsAMessageAndAnswersWithItsIdAndTheRateLimitHeaders() throws Exception {
        aircall = AircallSimulator.start(AircallSimulatorConfig.forTests());

        var response = send(PATH, "sim-id", "sim-token", "+33612345678", "Bonjour");

        assertThat(response.statusCode()).isEqualTo(200);
        var id = json.readTree(response.body()).get("id").asLong();
        assertThat(aircall.accepted()).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(id);
            assertThat(message.to()).isEqualTo("+33612345678");
            assertThat(message.body()).isEqualTo("Bonjour");
        });
        assertThat(response.headers().firstValue("X-AircallApi-Limit")).contains("60");
        assertThat(response.headers().firstValue("X-AircallApi-Remaining")).contains("59");
        long reset = Long.parseLong(response.headers().firstValue("X-AircallApi-Reset").orElseThrow());
        assertThat(reset).isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 61);
        assertThat(send("/v1/numbers/123456/messages/send", "sim-id", "sim-token", "+33612345679", "Hi").statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesBadCredentialsUnknownNumbersAndInvalidMessages() throws Exception {
        aircall = AircallSimulator.start(AircallSimulatorConfig.forTests());

        var unauthorized = send(PATH, "sim-id", "wrong", "+33612345678", "Bonjour");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("X-AircallApi-Limit")).isPresent();
        assertThat(send("/v1/numbers/999/messages/native/send", "sim-id", "sim-token", "+33612345678", "x").statusCode())
                .isEqualTo(404);
        assertThat(send(PATH, "sim-id", "sim-token", "0612345678", "x").statusCode()).isEqualTo(422);
        assertThat(send(PATH, "sim-id", "sim-token", "+33612345678", "a".repeat(1601)).statusCode()).isEqualTo(422);
        assertThat(send(PATH, "sim-id", "sim-token", "+33612345678", "a".repeat(1600)).statusCode()).isEqualTo(200);
        assertThat(aircall.accepted()).hasSize(1);
    }

    @Test
    void answers429OverTheLimitAndCountsIt() throws Exception {
        aircall = AircallSimulator.start(AircallSimulatorConfig.forTests().withRateLimit(3, Duration.ofSeconds(30)));

        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 5; i++) {
            statuses.add(send(PATH, "sim-id", "sim-token", "+3361234567" + i, "x").statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(aircall.overLimitRequests()).isEqualTo(2);
        assertThat(aircall.accepted()).hasSize(3);
    }

    @Test
    void injectsFaultsOnDemand() throws Exception {
        aircall = AircallSimulator.start(AircallSimulatorConfig.forTests());
        aircall.faults().failFirstAttemptsTo("+33612345678", 2, 503);
        aircall.faults().throttleNext(1);

        var throttled = send(PATH, "sim-id", "sim-token", "+33600000000", "x");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("X-AircallApi-Remaining")).contains("0");
        assertThat(send(PATH, "sim-id", "sim-token", "+33612345678", "x").statusCode()).isEqualTo(503);
        assertThat(send(PATH, "sim-id", "sim-token", "+33612345678", "x").statusCode()).isEqualTo(503);
        assertThat(send(PATH, "sim-id", "sim-token", "+33612345678", "x").statusCode()).isEqualTo(200);
        assertThat(aircall.overLimitRequests()).isZero();

        aircall.faults().hangNext(1, Duration.ofMillis(300), false);
        assertThat(send(PATH, "sim-id", "sim-token", "+33612345679", "x").statusCode()).isEqualTo(504);
        assertThat(aircall.attemptsTo("+33612345678")).extracting(SendAttempt::status).containsExactly(503, 503, 200);
    }

    @Test
    void firesStatusAndReceivedWebhooksShapedLikeAircalls() throws Exception {
        var bodies = new CopyOnWriteArrayList<String>();
        receiver = HttpServer.create(new InetSocketAddress(0), 0);
        receiver.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        var base = "http://localhost:" + receiver.getAddress().getPort();
        aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
                .withStatusWebhookUrl(base + "/aircall/events_messages_status_updated")
                .withMessagesWebhookUrl(base + "/aircall/messages")
                .withWebhookTokens("status-token", "messages-token")
                .withDeliveryDelay(Duration.ofMillis(50))
                .withUndeliverable(java.util.Set.of("+33699999999"))
                .withMessageSentWebhooks(true));

        send(PATH, "sim-id", "sim-token", "+33612345678", "Bonjour");
        send(PATH, "sim-id", "sim-token", "+33699999999", "Bonjour");
        aircall.receive("+33612345678", "123456", "Merci");

        await().atMost(Duration.ofSeconds(5)).until(() -> bodies.size() >= 7);
        var events = bodies.stream().map(this::tree).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.get("resource").asText()).isEqualTo("message"));
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("message.status_updated"))
                .allSatisfy(e -> assertThat(e.get("token").asText()).isEqualTo("status-token"))
                .extracting(e -> e.get("data").get("external_number").asText() + ":" + e.get("data").get("status").asText())
                .containsExactlyInAnyOrder("+33612345678:sent", "+33612345678:delivered", "+33699999999:sent", "+33699999999:failed");
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("message.sent"))
                .allSatisfy(e -> assertThat(e.get("token").asText()).isEqualTo("messages-token"))
                .extracting(e -> e.get("data").get("external_number").asText())
                .containsExactlyInAnyOrder("+33612345678", "+33699999999");
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("message.received")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("token").asText()).isEqualTo("messages-token");
                    assertThat(e.get("data").get("direction").asText()).isEqualTo("inbound");
                    assertThat(e.get("data").get("body").asText()).isEqualTo("Merci");
                    assertThat(e.get("data").get("number").get("id").asLong()).isEqualTo(123456);
                });
        assertThat(aircall.webhooks()).allSatisfy(delivery -> assertThat(delivery.responseStatus()).isEqualTo(200));
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String path, String id, String token, String to, String body) throws Exception {
        var credentials = Base64.getEncoder().encodeToString((id + ":" + token).getBytes(StandardCharsets.UTF_8));
        var payload = json.createObjectNode().put("to", to).put("body", body).toString();
        var request = HttpRequest.newBuilder(URI.create(aircall.baseUrl() + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}

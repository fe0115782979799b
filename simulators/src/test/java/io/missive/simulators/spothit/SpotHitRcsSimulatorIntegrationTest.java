package io.missive.simulators.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's RCS endpoint: capable phones get RCS and read receipts, the others the fallback SMS. */
class SpotHitRcsSimulatorIntegrationTest {

    private static final String KEY = "sim-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SpotHitSimulator simulator = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests(KEY));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void capabilityIsDrawnFromTheNumberAtTheConfiguredShare() {
        var plan = RcsPlan.defaults(null);
        var phones = IntStream.range(0, 2000).mapToObj(i -> "+3361%07d".formatted(i)).toList();
        long capable = phones.stream().filter(plan::capable).count();
        assertThat(capable).isBetween(1300L, 1500L);
        assertThat(phones.stream().filter(plan::capable).toList()).as("the same phones every time")
                .isEqualTo(phones.stream().filter(RcsPlan.defaults(null)::capable).toList());
        assertThat(phones.stream().filter(plan.withShares(0, 0)::capable)).isEmpty();
    }

    @Test
    void capablePhonesGetSentDeliveredAndReadTheOthersTheFallbackSms() throws Exception {
        var received = new ConcurrentLinkedQueue<String>();
        var callback = HttpServer.create(new InetSocketAddress(0), 50);
        callback.createContext("/spot_hit/rcs", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        callback.start();
        try {
            var plan = RcsPlan.defaults("http://localhost:" + callback.getAddress().getPort() + "/spot_hit/rcs")
                    .withShares(0.5, 1.0).withTiming(Duration.ofMillis(50), Duration.ofMillis(200));
            simulator.rcs(plan);
            var phones = IntStream.range(0, 20).mapToObj(i -> "+3361200%04d".formatted(i)).toList();
            var form = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("key", KEY), Map.entry("rcs_type", "basic"),
                    Map.entry("agent_id", "agent-1"), Map.entry("fallback_message", "Bonjour {PRENOM}"),
                    Map.entry("rcs_basic_message", "Bonjour {PRENOM}")));
            phones.forEach(phone -> form.add(Map.entry("custom_list_with_data[" + phone + "][PRENOM]", "P" + phone.substring(9))));

            var response = post(form);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).matches("\\{\"success\":true,\"campaign_id\":\\d+}");
            var capable = phones.stream().filter(plan::capable).toList();
            var fallback = phones.stream().filter(p -> !plan.capable(p)).toList();
            assertThat(capable).isNotEmpty();
            assertThat(fallback).isNotEmpty();
            // SENT and DELIVERED for everyone, READ for every capable phone (read share 1).
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 2 * phones.size() + capable.size());
            for (var phone : capable) {
                assertThat(received).filteredOn(body -> body.contains(phone))
                        .allSatisfy(body -> assertThat(body).contains("\"channelId\":\"rcs\""))
                        .anySatisfy(body -> assertThat(body).contains("\"status\":\"READ\""));
            }
            for (var phone : fallback) {
                assertThat(received).filteredOn(body -> body.contains(phone)).hasSize(2)
                        .allSatisfy(body -> assertThat(body).contains("\"channelId\":\"fallback\"").doesNotContain("READ"));
            }
            assertThat(simulator.acceptedMessages()).filteredOn(m -> m.endpoint().equals("rcs_fallback_sms"))
                    .extracting(AcceptedMessage::phone).containsExactlyInAnyOrderElementsOf(fallback);
            assertThat(simulator.acceptedMessages()).filteredOn(m -> m.phone().equals(phones.getFirst()))
                    .singleElement().extracting(AcceptedMessage::text).isEqualTo("Bonjour P000");
        } finally {
            callback.stop(0);
        }
    }

    @Test
    void refusesBasicOverOneHundredSixtyBytesRichWithAnUnknownMediaAndAnAccountWithoutRcs() throws Exception {
        var tooLong = post(List.of(Map.entry("key", KEY), Map.entry("rcs_type", "basic"), Map.entry("agent_id", "a"),
                Map.entry("fallback_message", "x"), Map.entry("rcs_basic_message", "é".repeat(81)),
                Map.entry("custom_list[]", "+33612000001")));
        assertThat(tooLong.body()).contains("\"success\":false", "rcs_basic_message");

        var fits = post(List.of(Map.entry("key", KEY), Map.entry("rcs_type", "basic"), Map.entry("agent_id", "a"),
                Map.entry("fallback_message", "x"), Map.entry("rcs_basic_message", "é".repeat(80)),
                Map.entry("custom_list[]", "+33612000001")));
        assertThat(fits.body()).contains("\"success\":true");

        var unknownMedia = post(List.of(Map.entry("key", KEY), Map.entry("rcs_type", "single"), Map.entry("agent_id", "a"),
                Map.entry("fallback_message", "x"), Map.entry("media_id", "nope"), Map.entry("custom_list[]", "+33612000002")));
        assertThat(unknownMedia.body()).contains("\"success\":false", "media_id");

        simulator.rcs(simulator.rcsPlan().withMedia("m-1"));
        var knownMedia = post(List.of(Map.entry("key", KEY), Map.entry("rcs_type", "single"), Map.entry("agent_id", "a"),
                Map.entry("fallback_message", "x"), Map.entry("media_id", "m-1"), Map.entry("custom_list[]", "+33612000002")));
        assertThat(knownMedia.body()).contains("\"success\":true");

        simulator.rcs(simulator.rcsPlan().disabledForTheAccount());
        var disabled = post(List.of(Map.entry("key", KEY), Map.entry("rcs_type", "basic"), Map.entry("agent_id", "a"),
                Map.entry("fallback_message", "x"), Map.entry("rcs_basic_message", "x"), Map.entry("custom_list[]", "+33612000003")));
        assertThat(disabled.body()).contains("\"success\":false", "rcs_disabled");
        assertThat(simulator.acceptedCount("+33612000003")).isZero();
    }

    private HttpResponse<String> post(List<Map.Entry<String, String>> form) throws Exception {
        var body = form.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + SpotHitSimulator.RCS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

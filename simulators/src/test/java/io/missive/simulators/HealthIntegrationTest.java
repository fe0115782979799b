package io.missive.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Both simulators answer a health check in the services' shape, so one probe fits every process. */
class HealthIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSpotHitSimulatorIsUp() throws Exception {
        try (var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("key"))) {
            var response = get(spotHit.baseUrl() + "/actuator/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void theAircallSimulatorIsUpAndAnswersItsPing() throws Exception {
        try (var aircall = AircallSimulator.start(AircallSimulatorConfig.forTests())) {
            var health = get(aircall.baseUrl() + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

            // Aircall's own liveness endpoint: it used to keep the exchange open, so nobody got an answer.
            var ping = get(aircall.baseUrl() + "/ping");
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).isEqualTo("{\"ping\":\"pong\"}");
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        // a short timeout: an answer that never comes fails the test instead of hanging it
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

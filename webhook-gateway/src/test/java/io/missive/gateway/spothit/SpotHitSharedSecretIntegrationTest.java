package io.missive.gateway.spothit;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayHttp;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every SpotHit callback without the shared secret, or with a wrong one, is 401 and publishes nothing;
 * the one with it is published; nothing secret is logged.
 */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.spothit.shared-secret=" + SpotHitSharedSecretIntegrationTest.SECRET,
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class SpotHitSharedSecretIntegrationTest {

    static final String SECRET = "Sp0tH1t-callback-secret";

    @LocalServerPort
    int port;

    /** Each SpotHit path, called with the given extra parameters (a secret, or none). */
    private static Map<String, Function<Map<String, String>, HttpResponse<String>>> everyPath(GatewayHttp http) {
        var paths = new LinkedHashMap<String, Function<Map<String, String>, HttpResponse<String>>>();
        paths.put("GET /spot_hit/status", extra -> http.get("/spot_hit/status" + asQuery(with(extra, "id_message", "8801", "statut", "1"))));
        paths.put("PUT /events/{id}/update_status", extra -> http.form("PUT", "/events/8801/update_status", with(extra, "statut", "1")));
        paths.put("GET /spot_hit/stop", extra -> http.get("/spot_hit/stop" + asQuery(with(extra, "numero", "0612345678"))));
        paths.put("POST /events/spot_hit_stop", extra -> http.form("POST", "/events/spot_hit_stop", with(extra, "numero", "0612345678")));
        paths.put("GET /spot_hit/response", extra -> http.get("/spot_hit/response" + asQuery(with(extra, "numero", "0612345678", "message", "Oui"))));
        paths.put("POST /events/spot_hit_response", extra -> http.form("POST", "/events/spot_hit_response",
                with(extra, "numero", "0612345678", "message", "Oui")));
        return paths;
    }

    @Test
    void everyCallbackWithoutTheSecretOrWithAWrongOneIs401AndPublishesNothing(TestNamespace namespace, CapturedOutput output) {
        try (var forger = GatewayHttp.withoutSpotHitSecret(port);
             var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND);
             var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS)) {
            everyPath(forger).forEach((path, call) -> {
                assertThat(call.apply(Map.of()).statusCode()).as(path + " without a secret").isEqualTo(401);
                assertThat(call.apply(Map.of("secret", "wrong")).statusCode()).as(path + " with a wrong secret").isEqualTo(401);
                assertThat(call.apply(Map.of("secret", SECRET + "x")).statusCode()).as(path + " with a longer secret").isEqualTo(401);
            });

            var accepted = forger.get("/spot_hit/status" + query("id_message", "8802", "statut", "1", "numero", "0612345678", "secret", SECRET));

            assertThat(accepted.statusCode()).isEqualTo(200);
            status.awaitEvents(StatusUpdated.class, 1, Duration.ofSeconds(15));
            assertThat(status.records()).extracting(r -> r.key()).containsExactly("8802");
            inbound.assertNoneArrive(Duration.ofMillis(300));
            optOuts.assertNoneArrive(Duration.ofMillis(300));
            assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("0612345678").doesNotContain("+33612345678");
        }
    }

    @Test
    void everyCallbackWithTheSecretIsAccepted() {
        try (var http = GatewayHttp.withoutSpotHitSecret(port)) {
            everyPath(http).forEach((path, call) ->
                    assertThat(call.apply(Map.of("secret", SECRET)).statusCode()).as(path).isBetween(200, 204));
        }
    }

    private static Map<String, String> with(Map<String, String> extra, String... keysAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        fields.putAll(extra);
        return fields;
    }

    private static String asQuery(Map<String, String> fields) {
        return "?" + GatewayHttp.encode(fields);
    }
}

package io.missive.gateway.spothit;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayHttp;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With a shared secret configured, SpotHit callbacks without it are 401 and publish nothing; nothing secret is logged. */
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

    @Test
    void callbacksWithoutTheSecretAre401AndOnlyTheOneWithItIsPublished(TestNamespace namespace, CapturedOutput output) {
        try (var http = new GatewayHttp(port);
             var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND)) {
            assertThat(http.get("/spot_hit/status" + query("id_message", "8801", "statut", "1")).statusCode()).isEqualTo(401);
            assertThat(http.get("/spot_hit/status" + query("id_message", "8801", "statut", "1", "secret", "wrong")).statusCode())
                    .isEqualTo(401);
            assertThat(http.form("PUT", "/events/8801/update_status", Map.of("statut", "1")).statusCode()).isEqualTo(401);
            assertThat(http.get("/spot_hit/stop" + query("numero", "0612345678")).statusCode()).isEqualTo(401);
            assertThat(http.form("POST", "/events/spot_hit_response", Map.of("numero", "0612345678", "message", "Oui")).statusCode())
                    .isEqualTo(401);
            assertThat(http.postJson("/spot_hit/rcs", "{\"events\":[{\"messageStatusChanged\":{\"status\":\"READ\","
                    + "\"userId\":\"+33612345678\",\"context\":{\"campaign_id\":8801}}}]}").statusCode()).isEqualTo(401);

            var accepted = http.get("/spot_hit/status" + query("id_message", "8802", "statut", "1", "numero", "0612345678", "secret", SECRET));

            assertThat(accepted.statusCode()).isEqualTo(200);
            status.awaitEvents(StatusUpdated.class, 1, Duration.ofSeconds(15));
            assertThat(status.records()).extracting(r -> r.key()).containsExactly("8802");
            inbound.assertNoneArrive(Duration.ofMillis(300));
            assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("0612345678").doesNotContain("+33612345678");
        }
    }
}

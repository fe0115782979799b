package io.missive.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.ServiceEndpointsContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts on the real broker and database and serves health, metrics and OpenAPI. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=test-message-token",
        "missive.gateway.aircall.call-token=test-call-token",
        "missive.gateway.aircall.event-message-status-updated-token=test-status-token"})
class WebhookGatewayApplicationIntegrationTest implements ServiceEndpointsContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }

    @Test
    void documentsEveryCallbackRouteInItsOpenApiDocument() {
        try (var http = new GatewayHttp(port)) {
            var document = http.getWithToken("/v3/api-docs").body();

            assertThat(document).contains("/spot_hit/status", "/spot_hit/stop", "/spot_hit/response", "/events/{id}/update_status",
                    "/events/spot_hit_stop", "/events/spot_hit_response", "/aircall/messages", "/aircall/calls",
                    "/aircall/events_messages_status_updated", "/r/{code}");
        }
    }
}

package io.missive.gateway;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.ServiceEndpointsContract;
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
}

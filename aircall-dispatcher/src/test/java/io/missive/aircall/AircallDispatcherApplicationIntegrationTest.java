package io.missive.aircall;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.ServiceEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The service starts on the real broker and database and serves health, metrics and OpenAPI. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "AIRCALL_ENABLED=true", "AIRCALL_MESSAGE_ENABLED=true",
        "AIRCALL_API_ID=test-id", "AIRCALL_API_TOKEN=test-token", "AIRCALL_BASE_URL=http://localhost:9"})
class AircallDispatcherApplicationIntegrationTest implements ServiceEndpointsContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }
}

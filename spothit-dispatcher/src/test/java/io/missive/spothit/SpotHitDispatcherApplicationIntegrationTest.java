package io.missive.spothit;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.ServiceEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts on the real broker and database and serves health, metrics and OpenAPI. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "missive.spothit.api-key=test-key")
class SpotHitDispatcherApplicationIntegrationTest implements ServiceEndpointsContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }
}

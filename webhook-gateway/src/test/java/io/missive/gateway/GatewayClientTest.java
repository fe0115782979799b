package io.missive.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test against the gateway on its random port, with an HTTP client opened for each test and closed after it. */
public abstract class GatewayClientTest {

    @LocalServerPort
    protected int port;
    protected GatewayHttp http;

    @BeforeEach
    void openClient() {
        http = new GatewayHttp(port);
    }

    @AfterEach
    void closeClient() {
        http.close();
    }
}

package io.missive.simulators;

import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;

/** The health check every simulator answers, in the services' shape, so one probe fits all processes. */
public final class Health {

    public static final String PATH = "/actuator/health";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private Health() {
    }

    /** Answers {@code GET /actuator/health} with {@code {"status":"UP"}} while the server runs. */
    public static void serve(HttpServer server) {
        server.createContext(PATH, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, UP.length);
                exchange.getResponseBody().write(UP);
            }
        });
    }
}

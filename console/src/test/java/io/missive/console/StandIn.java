package io.missive.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A stand-in for one of the services the console calls, answering the JSON it documents: enough to test a page
 * without the whole stack. The devstack's browser tests run the real services.
 */
public final class StandIn implements AutoCloseable {

    /** What the stand-in answers to one request. */
    public record Answer(int status, String json) {

        public static Answer ok(String json) {
            return new Answer(200, json);
        }
    }

    private final HttpServer server;

    private StandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port; {@code answers} sees each request (its body may be read once). */
    public static StandIn start(Function<HttpExchange, Answer> answers) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                var answer = answers.apply(exchange);
                var bytes = answer.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return new StandIn(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The request's body, read once. */
    public static String body(HttpExchange exchange) {
        try {
            return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

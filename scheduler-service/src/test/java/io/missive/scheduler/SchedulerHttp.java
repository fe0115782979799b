package io.missive.scheduler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.missive.testkit.access.AccessTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON client for the service's REST API in tests; it sends a token carrying every scope. */
public record SchedulerHttp(int port) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Reply(int status, JsonNode body, String raw, String contentType) {
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Reply send(HttpRequest.Builder request) {
        return send(request.header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).build());
    }

    private static Reply send(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            var raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
            return new Reply(response.statusCode(), body, raw, response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

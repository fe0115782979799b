package io.missive.devstack;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What a user of the running stack does over HTTP: program, read the Events store, click, reply STOP. */
final class StackClient implements AutoCloseable {

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StackClient(Stack stack) {
        this.stack = stack;
    }

    HttpResponse<String> program(String json) {
        return send(HttpRequest.newBuilder(URI.create(stack.url("scheduler-service") + "/api/v1/programs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Counts per status name of a campaign in the Events store (empty before its first message lands). */
    Map<String, Integer> campaignCounts(String campaignId) {
        var response = get(stack.url("status-tracker") + "/api/v1/campaigns/" + campaignId);
        return response.statusCode() == 200 ? JsonPath.read(response.body(), "$.byStatus") : Map.of();
    }

    HttpResponse<String> message(String messageId) {
        return get(stack.url("status-tracker") + "/api/v1/messages/" + messageId);
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

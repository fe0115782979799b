package io.missive.devstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What the devstack's tools (demo, fault suite, benchmark, tests) do over HTTP against the running
 * services: program a campaign, read the Events store, with the stack's access token. Safe to share
 * between threads.
 */
public final class StackHttp implements AutoCloseable {

    /** The devstack's one JSON mapper: replies read here, reports written by the benchmark. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public StackHttp(Stack stack) {
        this.stack = stack;
    }

    /** A service's JSON reply as a tree. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** {@code POST /api/v1/programs}; accepting a large campaign takes a while, hence the long timeout. */
    public HttpResponse<String> program(String json) {
        return post(stack.url("scheduler-service") + "/api/v1/programs", json);
    }

    /** Counts per status name of a campaign in the Events store; empty before its first message lands or while the tracker is away. */
    public Map<String, Integer> campaignCounts(String campaignId) {
        try {
            var response = get(stack.url("status-tracker") + "/api/v1/campaigns/" + campaignId);
            return response.statusCode() == 200
                    ? JSON.convertValue(json(response.body()).path("byStatus"), new TypeReference<Map<String, Integer>>() { })
                    : Map.of();
        } catch (IllegalStateException unreachable) {
            return Map.of();
        }
    }

    /**
     * The sum of one meter's samples on a service's {@code /actuator/prometheus} (every series of the
     * name, whatever its tags); 0 when the service does not answer or has no such meter yet.
     */
    public double metric(String service, String name) {
        return metric(service, name, "");
    }

    /** The same, summed over the series whose tags include {@code tag} (as written: {@code table="processed_events"}). */
    public double metric(String service, String name, String tag) {
        var response = get(stack.url(service) + "/actuator/prometheus");
        return response.statusCode() != 200 ? 0 : sum(response.body(), name, tag);
    }

    /**
     * Several meters' sums from one scrape, in the order asked (0 for each when the service does not answer). A scrape
     * of a busy service costs it CPU that a benchmark would count as its own: one per poll, however many meters.
     */
    public double[] metrics(String service, String... names) {
        var response = get(stack.url(service) + "/actuator/prometheus");
        var sums = new double[names.length];
        if (response.statusCode() == 200) {
            for (int i = 0; i < names.length; i++) {
                sums[i] = sum(response.body(), names[i], "");
            }
        }
        return sums;
    }

    private static double sum(String scrape, String name, String tag) {
        double sum = 0;
        for (var line : scrape.split("\n")) {
            if ((line.startsWith(name + " ") || line.startsWith(name + "{")) && line.contains(tag)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** {@code GET /api/v1/messages/{id}}: a message with its history. */
    public HttpResponse<String> message(String messageId) {
        return get(stack.url("status-tracker") + "/api/v1/messages/" + messageId);
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET());
    }

    public HttpResponse<String> post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        // Open paths (webhooks, links, health) ignore it; staff endpoints and metrics need it.
        request.header("Authorization", "Bearer " + stack.accessToken());
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " failed: " + e.getMessage(), e);
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

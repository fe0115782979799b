package io.missive.aircall.dispatch.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Aircall's public API as every call to it is made: the base URL, HTTP Basic from the API id and token, JSON
 * in and out. The message client and the insight-card client each add their path, body and timeout.
 */
public final class AircallApi {

    private final HttpClient http;
    private final URI baseUrl;
    private final String authorization;

    public AircallApi(String baseUrl, String apiId, String apiToken, Duration connectTimeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((apiId + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** @param path below the base URL, its segments already encoded */
    public HttpResponse<String> postJson(String path, String json, Duration timeout) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

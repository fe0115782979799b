package io.missive.gateway;

import io.missive.testkit.access.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls the running gateway as a provider would: plain HTTP on loopback, redirects not followed, no
 * access token (webhooks and links are open); {@link #getWithToken} for what needs one.
 */
public final class GatewayHttp implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** What the test configuration ({@code config/application.properties}) gives the gateway as SpotHit's secret. */
    public static final String SPOT_HIT_SECRET = "test-spothit-callback-secret";

    private final String base;
    private final boolean carrySpotHitSecret;

    public GatewayHttp(int port) {
        this(port, true);
    }

    private GatewayHttp(int port, boolean carrySpotHitSecret) {
        this.base = "http://localhost:" + port;
        this.carrySpotHitSecret = carrySpotHitSecret;
    }

    /** A caller of the SpotHit callbacks without the secret their configured URLs carry: a forger. */
    public static GatewayHttp withoutSpotHitSecret(int port) {
        return new GatewayHttp(port, false);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    /** A GET as staff or operations would send it: with an access token carrying every scope. */
    public HttpResponse<String> getWithToken(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).GET());
    }

    public HttpResponse<String> postJson(String pathAndQuery, String json) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> form(String method, String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            var uri = request.build().uri();
            if (carrySpotHitSecret && isSpotHitCallback(uri.getRawPath()) && (uri.getRawQuery() == null || !uri.getRawQuery().contains("secret="))) {
                // as SpotHit calls back: the URL it was given carries the secret
                request.uri(URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "secret=" + SPOT_HIT_SECRET));
            }
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSpotHitCallback(@org.jspecify.annotations.Nullable String path) {
        return path != null && (path.startsWith("/spot_hit") || path.startsWith("/events/"));
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    public static String query(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return "?" + encode(map);
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        client.close();
    }
}

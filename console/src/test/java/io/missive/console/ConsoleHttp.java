package io.missive.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser (its own cookies, redirects not followed) and a machine client of the running console, for tests. */
public final class ConsoleHttp implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    public ConsoleHttp(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the form; the reply is the form's redirect ({@code /login?error} when refused). */
    public HttpResponse<String> signIn(String email, String password) {
        return form("/login", Map.of("email", email, "password", password, "_csrf", csrfFrom("/login")));
    }

    /** Posts a form as a browser would from {@code page}: with the CSRF token that page carries. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        var withToken = new java.util.HashMap<>(fields);
        withToken.put("_csrf", csrfFrom(page));
        return form(action, withToken);
    }

    /** Posts a form whose fields may repeat ({@code picked} once per chip), with the CSRF token {@code page} carries. */
    public HttpResponse<String> submitAll(String page, String action, List<Map.Entry<String, String>> fields) {
        var withToken = new java.util.ArrayList<>(fields);
        withToken.add(Map.entry("_csrf", csrfFrom(page)));
        return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(withToken.stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
    }

    /** Posts a form without a CSRF token (what a forged cross-site request would be). */
    public HttpResponse<String> submitWithoutToken(String action, Map<String, String> fields) {
        return form(action, fields);
    }

    /** A GET with extra headers ({@code HX-Request}, say). */
    public HttpResponse<String> getWith(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> signOut() {
        return form("/logout", Map.of("_csrf", csrfFrom("/logout")));
    }

    /** {@code POST /oauth2/token} with client credentials (HTTP Basic). */
    public HttpResponse<String> token(String clientId, String secret, @Nullable String scope) {
        var fields = scope == null ? Map.of("grant_type", "client_credentials") : Map.of("grant_type", "client_credentials", "scope", scope);
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    public String accessToken(String clientId, String secret) {
        var response = token(clientId, secret, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asString();
    }

    public HttpResponse<String> get(String path, @Nullable String token) {
        return send(authorised(HttpRequest.newBuilder(uri(path)), token).GET());
    }

    public HttpResponse<String> postJson(String path, String json, @Nullable String token) {
        return send(authorised(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, @Nullable String token) {
        return send(authorised(HttpRequest.newBuilder(uri(path)), token).DELETE());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private String csrfFrom(String page) {
        var body = get(page, null).body();
        var matcher = CSRF.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + page + ": " + body);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, @Nullable String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        client.close();
    }
}

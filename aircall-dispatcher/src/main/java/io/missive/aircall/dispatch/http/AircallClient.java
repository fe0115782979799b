package io.missive.aircall.dispatch.http;

import io.missive.aircall.dispatch.SendSmsPort;
import io.missive.aircall.dispatch.RateLimitObservation;
import io.missive.aircall.dispatch.SendOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aircall's native send over HTTP: {@code POST {base}/v1/numbers/{number_id}/messages/native/send}
 * with HTTP Basic and {@code {to, body}}. Maps each reply to a {@link SendOutcome}: 2xx accepted;
 * 400/404/422 refused for good; 429 throttled until {@code X-AircallApi-Reset}; 401/403, 5xx and
 * refused connections are worth a later attempt; a timeout after sending is an unknown outcome.
 */
public class AircallClient implements SendSmsPort {

    private final AircallApi api;
    private final Duration requestTimeout;
    private final JsonMapper json;
    private final Clock clock;

    public AircallClient(String baseUrl, String apiId, String apiToken, Duration connectTimeout,
                              Duration requestTimeout, JsonMapper json, Clock clock) {
        this(new AircallApi(baseUrl, apiId, apiToken, connectTimeout), requestTimeout, json, clock);
    }

    public AircallClient(AircallApi api, Duration requestTimeout, JsonMapper json, Clock clock) {
        this.api = api;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(String numberId, String to, String body) {
        var payload = json.createObjectNode().put("to", to).put("body", body).toString();
        var path = "v1/numbers/" + URLEncoder.encode(numberId, StandardCharsets.UTF_8) + "/messages/native/send";
        HttpResponse<String> response;
        try {
            response = api.postJson(path, payload, requestTimeout);
        } catch (HttpConnectTimeoutException | ConnectException notConnected) {
            return new SendOutcome.Failed("AIRCALL_UNREACHABLE", null, true);
        } catch (HttpTimeoutException timeout) {
            return new SendOutcome.Unknown("AIRCALL_TIMEOUT");
        } catch (IOException broken) {
            return new SendOutcome.Unknown("AIRCALL_IO: " + broken.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("AIRCALL_INTERRUPTED");
        }
        var rateLimit = rateLimit(response.headers());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            var id = text(response.body(), "id");
            return id == null
                    ? new SendOutcome.Unknown("AIRCALL_NO_ID")
                    : new SendOutcome.Accepted(id, rateLimit);
        }
        var reason = "AIRCALL_" + status + describe(response.body());
        return switch (status) {
            case 429 -> new SendOutcome.Throttled(rateLimit != null ? rateLimit.reset() : clock.instant().plusSeconds(60), rateLimit);
            case 400, 404, 422 -> new SendOutcome.Rejected(reason, rateLimit);
            default -> new SendOutcome.Failed(reason, rateLimit, status >= 500);
        };
    }

    /** What Aircall's {@code X-AircallApi-*} headers say, if all three are there and readable; every endpoint sends them. */
    public static @Nullable RateLimitObservation rateLimit(HttpHeaders headers) {
        var limit = headers.firstValue("X-AircallApi-Limit");
        var remaining = headers.firstValue("X-AircallApi-Remaining");
        var reset = headers.firstValue("X-AircallApi-Reset");
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return null;
        }
        try {
            return new RateLimitObservation(Integer.parseInt(limit.get().trim()), Integer.parseInt(remaining.get().trim()),
                    Instant.ofEpochSecond(Long.parseLong(reset.get().trim())));
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    private @Nullable String text(String body, String field) {
        try {
            JsonNode value = json.readTree(body).get(field);
            return value == null || value.isNull() ? null : value.asString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Aircall's {@code error}/{@code troubleshoot}, shortened: it becomes the message's reason. */
    private String describe(String body) {
        var troubleshoot = text(body, "troubleshoot");
        var error = troubleshoot != null ? troubleshoot : text(body, "error");
        if (error == null || error.isBlank()) {
            return "";
        }
        return ": " + (error.length() > 200 ? error.substring(0, 200) : error);
    }
}

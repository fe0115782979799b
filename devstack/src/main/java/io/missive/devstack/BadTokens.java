package io.missive.devstack;

import io.missive.schemas.access.SigningKeyPairs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Tokens nobody may act with, tried against the staff endpoints of every service: none may be accepted (anything
 * but 401) and none may cause a 5xx.
 * <ul>
 *   <li><b>forged</b>: the console's claims, signed with another key;</li>
 *   <li><b>expired</b>: signed with the console's key, expired ten minutes ago (beyond the 60 s clock skew);</li>
 *   <li><b>truncated</b>: a token the console issued, cut inside its signature;</li>
 *   <li><b>replayed</b>: bearer JWTs carry no sender binding, so any holder may replay one within its five minutes;
 *       that is the accepted price of decision 0020. A replay is an attack when it goes beyond that: a token the console
 *       issued presented after its lifetime (minted here with the console's own key and claims, since waiting out a
 *       real one would add minutes), and a real token replayed with its signature stripped ({@code alg: none}).</li>
 *   <li><b>another issuer</b>: the console's key and claims, but an {@code iss} that is not the console's (a token the
 *       same key signed for someone else), and one with no {@code iss} at all. Every service is given the console's
 *       issuer ({@code MISSIVE_JWT_ISSUER}) and the console checks its own. The audience is not checked (decision
 *       0020), so no variant tries another one.</li>
 * </ul>
 */
final class BadTokens {

    /** One endpoint per staff capability of each service. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("scheduler-service", "POST", "/api/v1/programs"),
            new Endpoint("scheduler-service", "GET", "/api/v1/programs/faults-token-probe"),
            new Endpoint("scheduler-service", "POST", "/api/v1/directory/import"),
            new Endpoint("scheduler-service", "GET", "/api/v1/guard/attempts"),
            new Endpoint("scheduler-service", "POST", "/api/v1/guard/allowed"),
            new Endpoint("status-tracker", "GET", "/api/v1/audit"),
            new Endpoint("status-tracker", "GET", "/api/v1/campaigns/faults-token-probe"),
            new Endpoint("webhook-gateway", "POST", "/api/v1/optouts/+33600000000/revoke"),
            new Endpoint("console", "GET", "/api/v1/clients"),
            new Endpoint("console", "POST", "/api/v1/clients"),
            // The dispatchers' one scoped endpoint in common: metrics (ops:read).
            new Endpoint("spothit-dispatcher", "GET", "/actuator/prometheus"),
            new Endpoint("aircall-dispatcher", "GET", "/actuator/prometheus"));

    private record Endpoint(String service, String method, String path) {
    }

    /** @param accepted tokens answered with anything but 401 (listed in {@code findings} with the 5xx) */
    record Outcome(int tried, int accepted, int serverErrors, List<String> findings) {

        boolean clean() {
            return accepted == 0 && serverErrors == 0;
        }
    }

    private BadTokens() {
    }

    static Outcome probe(Stack stack) {
        var valid = stack.accessToken();
        var tokens = List.of(
                new Named("forged", mint(generatedKey(), stack.url("console"), Instant.now(), Duration.ofMinutes(5))),
                new Named("expired", mint(consoleKey(stack), stack.url("console"), Instant.now().minus(Duration.ofMinutes(15)),
                        Duration.ofMinutes(5))),
                new Named("truncated", valid.substring(0, valid.length() - 12)),
                new Named("replayed after expiry", mint(consoleKey(stack), stack.url("console"),
                        Instant.now().minus(Duration.ofMinutes(60)), Duration.ofMinutes(5))),
                new Named("replayed unsigned", unsigned(valid)),
                new Named("another issuer", mint(consoleKey(stack), "https://elsewhere.example", Instant.now(), Duration.ofMinutes(5))),
                new Named("no issuer", mint(consoleKey(stack), null, Instant.now(), Duration.ofMinutes(5))));
        int tried = 0;
        int accepted = 0;
        int serverErrors = 0;
        var findings = new ArrayList<String>();
        try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (var endpoint : ENDPOINTS) {
                for (var token : tokens) {
                    tried++;
                    int status = send(client, stack.url(endpoint.service()) + endpoint.path(), endpoint.method(), token.token());
                    if (status >= 500) {
                        serverErrors++;
                        findings.add(status + " " + token.kind() + " " + endpoint.method() + " " + endpoint.service() + endpoint.path());
                    } else if (status != 401) {
                        accepted++;
                        findings.add(status + " " + token.kind() + " " + endpoint.method() + " " + endpoint.service() + endpoint.path());
                    }
                }
            }
        }
        return new Outcome(tried, accepted, serverErrors, List.copyOf(findings));
    }

    private record Named(String kind, String token) {
    }

    private static int send(HttpClient client, String url, String method, String token) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    /** A token shaped as the console issues them (client credentials, every scope), RS256; no {@code iss} when null. */
    private static String mint(PrivateKey key, @Nullable String issuer, Instant issuedAt, Duration lifetime) {
        var header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        var claims = (issuer == null ? "{" : "{\"iss\":\"" + issuer + "\",") + """
                "sub":"%s","aud":"%s","client_id":"%s","scope":["programs:write","programs:read","events:read",\
                "directory:write","guard:admin","people:admin","ops:read"],"iat":%d,"nbf":%d,"exp":%d,"jti":"%s"}"""
                .formatted(ConsoleAccess.CLIENT_ID, ConsoleAccess.CLIENT_ID, ConsoleAccess.CLIENT_ID,
                        issuedAt.getEpochSecond(), issuedAt.getEpochSecond(), issuedAt.plus(lifetime).getEpochSecond(), UUID.randomUUID());
        var signingInput = base64(header) + "." + base64(claims);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        var parts = token.split("\\.");
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey consoleKey(Stack stack) {
        return SigningKeyPairs.fromPem(stack.access().signingKeyPem()).getPrivate();
    }

    private static PrivateKey generatedKey() {
        return SigningKeyPairs.generate().getPrivate();
    }
}

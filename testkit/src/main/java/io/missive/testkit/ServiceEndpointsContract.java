package io.missive.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.access.Scopes;
import io.missive.testkit.access.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Missive service serves, as tests a service's integration test inherits: health for
 * anyone, Prometheus metrics and its OpenAPI document for a token with {@code ops:read}, and every
 * staff endpoint its OpenAPI document lists closed to a request without a token (401) or with a
 * token lacking the endpoint's scope (403), both as problem details.
 */
public interface ServiceEndpointsContract {

    /** The running service's HTTP port ({@code @LocalServerPort}). */
    int port();

    @Test
    default void servesHealthUp() throws Exception {
        var response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    default void servesPrometheusMetricsToOperations() throws Exception {
        var response = get("/actuator/prometheus", tokens().mint(Scopes.OPS_READ));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", tokens().allScopesBut(Scopes.OPS_READ)).statusCode()).isEqualTo(403);
    }

    @Test
    default void servesItsOpenApiDocumentToOperations() throws Exception {
        var response = get("/v3/api-docs", tokens().mint(Scopes.OPS_READ));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
    }

    @Test
    default void exposesNoOtherActuatorEndpoint() throws Exception {
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", tokens().allScopes()).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans", tokens().allScopes()).statusCode()).isEqualTo(404);
    }

    @Test
    default void refusesTokensItCannotTrust() throws Exception {
        var forged = AccessTokens.generate().allScopes();
        var expired = tokens().expired(Scopes.ALL.toArray(String[]::new));
        var valid = tokens().allScopes();
        var truncated = valid.substring(0, valid.lastIndexOf('.') + 10);
        for (var token : List.of(forged, expired, truncated, "not-a-jwt")) {
            var response = get("/actuator/prometheus", token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    /**
     * One test per operation of the OpenAPI document (so an endpoint added later is covered without
     * touching this): each must declare its access, and a closed one answers 401 without a token,
     * 403 with every scope but its own, and neither with its own scope.
     */
    @TestFactory
    default Stream<DynamicTest> everyStaffEndpointNeedsItsScope() throws Exception {
        var document = JsonMapper.builder().build().readTree(get("/v3/api-docs", tokens().mint(Scopes.OPS_READ)).body());
        var tests = new ArrayList<DynamicTest>();
        // A service without a REST API of its own (the SpotHit dispatcher) has no paths: nothing to walk.
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                var method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                var concrete = path.getKey().replaceAll("\\{[^}]+}", "unknown-id");
                tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(),
                        () -> checkAccess(method, concrete, operation.getValue())));
            }
        }
        return tests.stream();
    }

    private void checkAccess(String method, String path, JsonNode operation) throws Exception {
        var access = operation.path("x-missive-access");
        assertThat(access.isString()).as(method + " " + path + " declares its access (an AccessRules bean names it)").isTrue();
        var scope = access.asString();
        if (scope.equals("open")) {
            return;
        }
        var anonymous = send(method, path, null);
        assertThat(anonymous.statusCode()).as(method + " " + path + " without a token").isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var wrongScope = send(method, path, tokens().allScopesBut(scope));
        assertThat(wrongScope.statusCode()).as(method + " " + path + " with every scope but " + scope).isEqualTo(403);
        assertThat(wrongScope.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var rightScope = send(method, path, tokens().mint(scope));
        assertThat(rightScope.statusCode()).as(method + " " + path + " with " + scope).isNotIn(401, 403);
    }

    private static AccessTokens tokens() {
        return AccessTokens.testKey();
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws IOException, InterruptedException {
        return send("GET", path, token);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String token) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{}"));
            if (token != null) {
                request.header("Authorization", AccessTokens.bearer(token));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

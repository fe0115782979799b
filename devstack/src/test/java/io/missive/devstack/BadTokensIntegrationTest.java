package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's bad-token part alone, against the whole stack as the devstack starts it (each service given the
 * console's key and issuer): forged, expired, truncated, replayed and other-issuer tokens on a staff endpoint of
 * every service, none accepted, none a 5xx; while the console's own token is accepted by every service, so the
 * issuer check refuses what it should and nothing more. A few minutes where the fault suite takes ten.
 */
class BadTokensIntegrationTest {

    private static final List<String> SERVICES = List.of("scheduler-service", "spothit-dispatcher",
            "aircall-dispatcher", "webhook-gateway", "status-tracker", "console");

    @Test
    void noBadTokenIsAcceptedByAnyServiceNorAnswered5xxAndTheConsolesOwnIsAcceptedByAll() throws Exception {
        var root = Path.of("..").toAbsolutePath().normalize();
        try (var stack = Stack.start(StackConfig.ephemeral(root, root.resolve("devstack/target/bad-tokens")), Duration.ofMinutes(5));
             var client = HttpClient.newHttpClient()) {
            for (var service : SERVICES) {
                var metrics = client.send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + stack.accessToken()).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(metrics.statusCode()).as("the console's own token at " + service).isEqualTo(200);
            }

            var outcome = BadTokens.probe(stack);

            assertThat(outcome.tried()).as("7 kinds of token on 12 endpoints").isEqualTo(84);
            assertThat(outcome.accepted()).as("bad tokens accepted: %s", outcome.findings()).isZero();
            assertThat(outcome.serverErrors()).as("5xx answers to bad tokens: %s", outcome.findings()).isZero();
        }
    }
}

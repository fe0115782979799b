package io.missive.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.missive.events.AuditRecorded;
import io.missive.schemas.access.Scopes;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.TestProducer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Audited acts published on missive.audit reach GET /api/v1/audit (admins only), filtered and paged, and stay as written. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAuditedActReachesTheAdminsListWithWhoWhatWhenAndWhere() throws Exception {
        var act = AuditAct.of(new AuditAct.Caller("claire@example.org", "10.1.2.3"), "guard.allowed.add", "allowed:7",
                Map.of("kind", "url", "value", "partenaire.fr"));

        trail.record(act);

        var page = awaitEntries("?actor=claire@example.org", 1);
        var entry = page.path("items").get(0);
        assertThat(entry.path("id").asString()).isEqualTo(act.eventId());
        assertThat(entry.path("actor").asString()).isEqualTo("claire@example.org");
        assertThat(entry.path("act").asString()).isEqualTo("guard.allowed.add");
        assertThat(entry.path("target").asString()).isEqualTo("allowed:7");
        assertThat(entry.path("details").path("value").asString()).isEqualTo("partenaire.fr");
        assertThat(entry.path("from").asString()).isEqualTo("10.1.2.3");
        assertThat(entry.path("service").asString()).isEqualTo("status-tracker");
        assertThat(Instant.parse(entry.path("at").asString())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                Duration.ofMinutes(1)));
    }

    @Test
    void entriesAreFilteredByActorKindAndTimeAndPagedNewestFirst(TestNamespace namespace) throws Exception {
        var t0 = Instant.parse("2026-06-01T08:00:00Z");
        try (var producer = new TestProducer(namespace)) {
            for (int i = 0; i < 5; i++) {
                producer.send(Topics.AUDIT, "dan", audit("f-" + i, "dan", i % 2 == 0 ? "program" : "guard.dismiss", t0.plusSeconds(60L * i)));
            }
            producer.send(Topics.AUDIT, "eve", audit("f-eve", "eve", "program", t0.plusSeconds(30)));
            // A redelivered entry (same event id) is kept once.
            producer.send(Topics.AUDIT, "dan", audit("f-0", "dan", "program", t0));
        }
        awaitEntries("?actor=dan", 5);

        var programs = get("/api/v1/audit?actor=dan&kind=program", AccessTokens.testKey().mint(Scopes.PEOPLE_ADMIN));
        assertThat(ids(programs)).containsExactly("f-4", "f-2", "f-0");

        var family = JSON.readTree(get("/api/v1/audit?actor=dan&kind=guard", admin()).body());
        assertThat(family.path("totalItems").asLong()).as("a kind names a family too: guard is every guard.*").isEqualTo(2);

        var window = get("/api/v1/audit?kind=program&from=" + t0.plusSeconds(30) + "&until=" + t0.plusSeconds(180), admin());
        assertThat(ids(window)).containsExactly("f-2", "f-eve");

        var second = JSON.readTree(get("/api/v1/audit?actor=dan&size=2&page=1", admin()).body());
        assertThat(second.path("totalItems").asLong()).isEqualTo(5);
        assertThat(second.path("items")).extracting(JsonNode::toString).hasSize(2);
        assertThat(second.path("items").get(0).path("id").asString()).isEqualTo("f-2");

        assertThat(get("/api/v1/audit?size=501", admin()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/audit?from=yesterday", admin()).statusCode()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminReadsTheTrailAndNobodyChangesIt() throws Exception {
        trail.record(AuditAct.of(new AuditAct.Caller("frank", "10.0.0.1"), "cancel", "campaign:F1", Map.of()));
        awaitEntries("?actor=frank", 1);

        assertThat(get("/api/v1/audit", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit", AccessTokens.testKey().allScopesBut(Scopes.PEOPLE_ADMIN)).statusCode()).isEqualTo(403);
        for (var method : new String[] {"DELETE", "PUT", "POST", "PATCH"}) {
            assertThat(send(method, "/api/v1/audit", AccessTokens.testKey().allScopes()).statusCode()).as(method).isIn(403, 405);
        }
        assertThatThrownBy(() -> jdbc.update("update audit_log set actor = 'someone else' where actor = 'frank'"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where actor = 'frank'"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(JSON.readTree(get("/api/v1/audit?actor=frank", admin()).body()).path("totalItems").asLong()).isEqualTo(1);
    }

    private static AuditRecorded audit(String id, String actor, String act, Instant at) {
        return AuditRecorded.newBuilder().setEventId(id).setActor(actor).setAct(act).setTarget("campaign:" + id)
                .setAt(at).setFrom("kafka").setService("scheduler-service").build();
    }

    private JsonNode awaitEntries(String query, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> JSON.readTree(get("/api/v1/audit" + query, admin()).body()),
                page -> page.path("totalItems").asLong() == count);
    }

    private static java.util.List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        var ids = new java.util.ArrayList<String>();
        JSON.readTree(response.body()).path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static String admin() {
        return AccessTokens.testKey().mint(Scopes.PEOPLE_ADMIN);
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws IOException, InterruptedException {
        return send("GET", path, token);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String token) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("Authorization", AccessTokens.bearer(token));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

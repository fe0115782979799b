package io.missive.scheduler.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.MessageCommand;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.events.RecipientSpec;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.CommandBlockedException;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The send guard at acceptance, over the real broker and database: a blocked command is held with one generic
 * sentence and nothing published, a monitored hit is recorded and sent, a relaunch sends the command once however
 * often it is relaunched, a dismissal sends nothing, and a held Kafka command is recorded, not retried.
 * Defaults: links and keywords block, phones monitor.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PUBLIC_BASE_URL=https://m.example")
class SendGuardIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    SchedulerHttp http;

    @BeforeEach
    void directory() {
        http = new SchedulerHttp(port);
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", List.of(
                Map.of("id", "1", "phone", "06 11 11 11 11", "firstName", "Awa", "securityToken", "0611223344", "tagIds", List.of("t1")),
                Map.of("id", "2", "phone", "06 22 22 22 22", "firstName", "Binta", "tagIds", List.of("t1"))));
        body.put("children", List.of(Map.of("id", "11", "firstName", "Lina", "parentId", "1", "groupId", "g1"),
                Map.of("id", "12", "firstName", "Noé", "parentId", "2", "groupId", "g1")));
        body.put("groups", List.of(Map.of("id", "g1", "status", "active")));
        body.put("tags", List.of(Map.of("id", "t1", "name", "all")));
        body.put("redirectionTargets", List.of(Map.of("id", "r1", "url", "https://example.org/v/1")));
        assertThat(http.post("/api/v1/directory/import", body).status()).isEqualTo(200);
    }

    private static Map<String, Object> command(String commandId, String message, Object recipients) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId);
        command.put("message", message);
        command.put("recipients", recipients);
        return command;
    }

    private static List<Map<String, String>> tag() {
        return List.of(Map.of("selector", "tag.t1"));
    }

    @Test
    void aBlockedCommandIsHeldWithOneGenericSentenceWhateverFiredAndNothingIsPublished(TestNamespace namespace) {
        try (var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED)) {
            var byLink = http.post("/api/v1/programs", command("g-link", "Frais de port : payez sur colis-suivi.info", tag()));
            var byWord = http.post("/api/v1/programs", command("g-word", "Offre spéciale V1agra pour {PRENOM_ENFANT}", tag()));
            var byVariable = http.post("/api/v1/programs", command("g-variable", "Bonjour {PRENOM_ENFANT}",
                    List.of(Map.of("phone", "0699999999", "variables", Map.of("PRENOM_ENFANT", "Zoé, voir www exemple . com")))));

            for (var reply : List.of(byLink, byWord, byVariable)) {
                assertThat(reply.status()).as(reply.raw()).isEqualTo(422);
                assertThat(reply.body().get("detail").asString()).isEqualTo(CommandBlockedException.GENERIC);
                assertThat(reply.body().get("title").asString()).isEqualTo("Command held for review");
                assertThat(reply.raw()).doesNotContainIgnoringCase("link").doesNotContainIgnoringCase("keyword")
                        .doesNotContain("colis-suivi", "V1agra", "exemple");
            }
            for (var id : List.of("g-link", "g-word", "g-variable")) {
                assertThat(http.get("/api/v1/programs/" + id).status()).as("nothing stored").isEqualTo(404);
            }
            planned.assertNoneArrive(Duration.ofSeconds(1));
        }

        var link = attempt(byCommand("g-link"));
        assertThat(link.get("status").asString()).isEqualTo("pending");
        assertThat(strings(link.get("checks"))).containsExactly("link");
        assertThat(link.get("findings").get(0).get("value").asString()).isEqualTo("colis-suivi.info");
        assertThat(link.get("findings").get(0).get("inTemplate").asBoolean()).isTrue();
        assertThat(link.get("command").get("message").asString()).isEqualTo("Frais de port : payez sur colis-suivi.info");
        assertThat(strings(attempt(byCommand("g-word")).get("checks"))).containsExactly("keyword");
        var variable = attempt(byCommand("g-variable"));
        assertThat(variable.get("findings").get(0).get("value").asString()).isEqualTo("www.exemple.com");
        assertThat(variable.get("findings").get(0).get("inTemplate").asBoolean()).isFalse();

        // The same command again is the same attempt, not a second one.
        assertThat(http.post("/api/v1/programs", command("g-link", "Frais de port : payez sur colis-suivi.info", tag())).status())
                .isEqualTo(422);
        assertThat(attempts("pending").stream().filter(a -> a.get("commandId").asString().equals("g-link"))).hasSize(1);
        assertThat(prometheus()).contains("missive_guard_attempts_total{check=\"link\",mode=\"block\"");
    }

    @Test
    void aMonitoredPhoneNumberIsRecordedAndTheMessageSent(TestNamespace namespace) {
        try (var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED)) {
            // The parent's security token is a phone-shaped value Missive put in itself: it is not a finding.
            var reply = http.post("/api/v1/programs", command("g-monitor",
                    "Appelez le 01 45 67 89 10 avant vendredi. Code : {PARENT_SECURITY_TOKEN}", List.of(Map.of("selector", "parent.1"))));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            var event = planned.awaitEvent(MessagePlanned.class, m -> m.getCampaignId().equals("g-monitor"), Duration.ofSeconds(15));
            assertThat(event.getBody()).contains("01 45 67 89 10", "0611223344");
        }
        var attempt = byCommand("g-monitor");
        assertThat(attempt.get("status").asString()).isEqualTo("not_blocked");
        assertThat(strings(attempt.get("checks"))).containsExactly("phone");
        assertThat(attempt.get("blocking")).isEmpty();
        var values = StreamSupport.stream(attempt.get("findings").spliterator(), false).map(f -> f.get("value").asString()).toList();
        assertThat(values).containsExactly("+33145678910");
        assertThat(prometheus()).contains("missive_guard_attempts_total{check=\"phone\",mode=\"monitor\"");
        var relaunch = post("/api/v1/guard/attempts/" + attempt.get("id").asLong() + "/relaunch", "admin");
        assertThat(relaunch.statusCode()).as("a monitored command was sent: nothing to relaunch").isEqualTo(409);
    }

    @Test
    void aRelaunchedCommandIsPublishedOnceAndOnlyOnceEvenWhenRelaunchedAgainAndConcurrently(TestNamespace namespace) throws Exception {
        // The shared link comes from the variables of two recipients; the third carries a link of its own.
        var recipients = List.of(
                Map.of("phone", "0611110001", "variables", Map.of("PRENOM_ENFANT", "Lina (inscriptions : ateliers-parents.fr/printemps)")),
                Map.of("phone", "0611110002", "variables", Map.of("PRENOM_ENFANT", "Noé (inscriptions : ateliers-parents.fr/printemps)")),
                Map.of("phone", "0611110003", "variables", Map.of("PRENOM_ENFANT", "Sam (votre lien : perso-sam.fr/a1)")));
        try (var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED)) {
            var held = http.post("/api/v1/programs", command("g-relaunch", "Bonjour {PRENOM_ENFANT}", recipients));
            assertThat(held.status()).isEqualTo(422);
            long id = held.body().get("attemptId").asLong();
            var pending = attempt(id);
            assertThat(pending.get("status").asString()).isEqualTo("pending");

            var first = post("/api/v1/guard/attempts/" + id + "/relaunch", "admin-1");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            var firstReply = JSON.readTree(first.body());
            assertThat(firstReply.get("replay").asBoolean()).isFalse();
            // Exact values, shared ones only: the link in two messages joins the allow-list, the one unique to Sam does not.
            assertThat(StreamSupport.stream(firstReply.get("allowListed").spliterator(), false).map(e -> e.get("value").asString()))
                    .containsExactly("ateliers-parents.fr/printemps");

            var again = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 3; i++) {
                again.add(CompletableFuture.supplyAsync(() -> post("/api/v1/guard/attempts/" + id + "/relaunch", "admin-2")));
            }
            for (var reply : again) {
                assertThat(reply.get().statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(reply.get().body()).get("replay").asBoolean()).isTrue();
            }

            var published = requested.awaitEvents(MessageRequested.class, 3, Duration.ofSeconds(20));
            assertThat(published).extracting(MessageRequested::getCampaignId).containsOnly("g-relaunch");
            assertThat(published).extracting(MessageRequested::getBody).containsExactlyInAnyOrder(
                    "Bonjour Lina (inscriptions : ateliers-parents.fr/printemps)",
                    "Bonjour Noé (inscriptions : ateliers-parents.fr/printemps)", "Bonjour Sam (votre lien : perso-sam.fr/a1)");
            requested.assertNoneArrive(Duration.ofSeconds(2));
        }
        var relaunched = byCommand("g-relaunch");
        assertThat(relaunched.get("status").asString()).isEqualTo("relaunched");
        assertThat(relaunched.get("decidedBy").asString()).isEqualTo("admin-1");
        assertThat(http.get("/api/v1/programs/g-relaunch").body().get("recipients").asInt()).isEqualTo(3);

        // The allowed link now passes; the unique one is still caught.
        assertThat(http.post("/api/v1/programs", command("g-after-allowed", "Inscriptions : ateliers-parents.fr/printemps", tag()))
                .status()).isEqualTo(202);
        assertThat(http.post("/api/v1/programs", command("g-after-unique", "Votre lien : perso-sam.fr/a1", tag())).status())
                .isEqualTo(422);
    }

    @Test
    void aDismissedCommandIsNeverSentAndCannotBeRelaunched(TestNamespace namespace) {
        try (var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED)) {
            var held = http.post("/api/v1/programs", command("g-dismiss", "Votre compte bloqué : www.secure-cb.com", tag()));
            assertThat(held.status()).isEqualTo(422);
            long id = held.body().get("attemptId").asLong();
            assertThat(strings(attempt(id).get("checks"))).containsExactly("keyword", "link");

            var dismissed = post("/api/v1/guard/attempts/" + id + "/dismiss", "admin-3");
            assertThat(dismissed.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(dismissed.body()).get("status").asString()).isEqualTo("dismissed");
            assertThat(JSON.readTree(dismissed.body()).get("decidedBy").asString()).isEqualTo("admin-3");
            assertThat(post("/api/v1/guard/attempts/" + id + "/relaunch", "admin-3").statusCode()).isEqualTo(409);
            assertThat(post("/api/v1/guard/attempts/999999/dismiss", "admin-3").statusCode()).isEqualTo(404);
            assertThat(http.get("/api/v1/programs/g-dismiss").status()).isEqualTo(404);
            requested.assertNoneArrive(Duration.ofSeconds(1));
        }
        assertThat(http.get("/api/v1/guard/allowed?kind=url").raw()).doesNotContain("secure-cb");
    }

    @Test
    void aHeldKafkaCommandIsRecordedOnceNotPublishedNotRetriedAndTheConsumerGoesOn(TestNamespace namespace) {
        try (var dlt = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.COMMANDS));
             var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED);
             var producer = new TestProducer(namespace)) {
            var held = kafkaCommand("g-kafka", "Gagnez un iPhone sur promo-iphone.top");
            producer.send(Topics.COMMANDS, "g-kafka", held);
            producer.send(Topics.COMMANDS, "g-kafka", held);
            producer.send(Topics.COMMANDS, "g-kafka-ok", kafkaCommand("g-kafka-ok", "Bonjour {PRENOM_ENFANT}"));

            planned.awaitEvent(MessagePlanned.class, m -> m.getCampaignId().equals("g-kafka-ok"), Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts("pending").stream()
                    .anyMatch(a -> a.get("commandId").asString().equals("g-kafka")));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> dlt.records().stream().noneMatch(r -> r.key().startsWith("g-kafka")));
            assertThat(planned.events(MessagePlanned.class)).noneMatch(m -> m.getCampaignId().equals("g-kafka"));
        }
        assertThat(attempts(null).stream().filter(a -> a.get("commandId").asString().equals("g-kafka"))).hasSize(1);
        var attempt = byCommand("g-kafka");
        assertThat(attempt.get("channel").asString()).isEqualTo("kafka");
        assertThat(attempt.get("author").asString()).as("a Kafka command that names nobody is by kafka").isEqualTo("kafka");
        assertThat(http.get("/api/v1/programs/g-kafka").status()).isEqualTo(404);
    }

    @Test
    void theListsAreEditedThroughTheApiAndBadEntriesAreRefused() {
        var domain = JSON.readTree(post("/api/v1/guard/allowed", "admin-4",
                Map.of("kind", "url", "value", "https://www.Partenaire-Ecole.fr/accueil", "match", "domain")).body());
        assertThat(domain.get("value").asString()).isEqualTo("partenaire-ecole.fr");
        assertThat(domain.get("match").asString()).isEqualTo("domain");
        assertThat(domain.get("createdBy").asString()).isEqualTo("admin-4");
        assertThat(http.post("/api/v1/programs", command("g-allowed-domain", "Programme : ecole.partenaire-ecole.fr/ateliers", tag()))
                .status()).isEqualTo(202);

        var phone = post("/api/v1/guard/allowed", "admin-4", Map.of("kind", "phone", "value", "01 45 67 89 11"));
        assertThat(phone.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(phone.body()).get("value").asString()).isEqualTo("+33145678911");
        var keyword = post("/api/v1/guard/blocked", "admin-4", Map.of("kind", "keyword", "value", "arnaque"));
        assertThat(keyword.statusCode()).isEqualTo(201);
        assertThat(http.post("/api/v1/programs", command("g-new-keyword", "Ce n'est pas une ARN4QUE", tag())).status()).isEqualTo(422);

        assertThat(post("/api/v1/guard/allowed", "admin-4", Map.of("kind", "pigeon", "value", "x")).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/guard/allowed", "admin-4", Map.of("kind", "phone", "value", "not a number")).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/guard/allowed", "admin-4", Map.of("kind", "keyword", "value", "x", "match", "domain")).statusCode())
                .isEqualTo(400);

        long id = JSON.readTree(keyword.body()).get("id").asLong();
        assertThat(http.get("/api/v1/guard/blocked?kind=keyword").raw()).contains("arnaque", "viagra");
        assertThat(http.delete("/api/v1/guard/blocked/" + id).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/guard/blocked/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/guard/blocked?kind=keyword").raw()).doesNotContain("arnaque");
        assertThat(http.post("/api/v1/programs", command("g-removed-keyword", "Ce n'est pas une ARN4QUE", tag())).status()).isEqualTo(202);
        assertThat(http.get("/v3/api-docs").raw()).contains("/api/v1/guard/attempts/{id}/relaunch", "/api/v1/guard/allowed");
    }

    private static MessageCommand kafkaCommand(String commandId, String message) {
        return MessageCommand.newBuilder().setEventId("e-" + commandId).setOccurredAt(Instant.now()).setCommandId(commandId)
                .setRecipients(List.of(RecipientSpec.newBuilder().setSelector("parent.1").build())).setMessage(message).build();
    }

    private List<JsonNode> attempts(String status) {
        var reply = http.get("/api/v1/guard/attempts?size=200" + (status == null ? "" : "&status=" + status));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return StreamSupport.stream(reply.body().get("attempts").spliterator(), false).toList();
    }

    private JsonNode byCommand(String commandId) {
        return attempts(null).stream().filter(a -> a.get("commandId").asString().equals(commandId)).findFirst().orElseThrow();
    }

    private JsonNode attempt(JsonNode summary) {
        return attempt(summary.get("id").asLong());
    }

    private JsonNode attempt(long id) {
        var reply = http.get("/api/v1/guard/attempts/" + id);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private String prometheus() {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                            .header("Authorization", io.missive.testkit.access.AccessTokens.bearer(
                                    io.missive.testkit.access.AccessTokens.testKey().allScopes())).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String actor) {
        return post(path, actor, null);
    }

    private HttpResponse<String> post(String path, String actor, Object body) {
        // Who acted is the token's subject; a header claiming someone else changes nothing.
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Missive-Actor", "someone-else")
                .header("Authorization", io.missive.testkit.access.AccessTokens.bearer(io.missive.testkit.access.AccessTokens.testKey().allScopesAs(actor)))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

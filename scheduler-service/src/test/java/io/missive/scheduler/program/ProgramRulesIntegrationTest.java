package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.CancelCommand;
import io.missive.events.MessageCommand;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.events.Provider;
import io.missive.events.RecipientSpec;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a caller is told when a command cannot be accepted, provider choice, cancel, and bad Kafka input. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"AIRCALL_ENABLED=true", "AIRCALL_MESSAGE_ENABLED=true", "PUBLIC_BASE_URL=https://m.example"})
class ProgramRulesIntegrationTest {

    @LocalServerPort
    int port;

    SchedulerHttp http;

    @BeforeEach
    void directory() {
        http = new SchedulerHttp(port);
        var parents = List.of(
                Map.of("id", "1", "phone", "06 11 11 11 11", "firstName", "Awa", "securityToken", "tok-1", "address", "1 rue A",
                        "supporterId", "s1", "tagIds", List.of("t1")),
                Map.of("id", "2", "phone", "06 22 22 22 22", "firstName", "Binta", "supporterId", "s1", "tagIds", List.of("t1")),
                Map.of("id", "3", "phone", "06 33 33 33 33", "firstName", "Chloé", "supporterId", "s2", "tagIds", List.of("t1")));
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", parents);
        body.put("children", List.of(Map.of("id", "11", "firstName", "Lina", "parentId", "1", "groupId", "g1"),
                Map.of("id", "12", "firstName", "Noé", "parentId", "2", "groupId", "g1"),
                Map.of("id", "13", "firstName", "Sam", "parentId", "3", "groupId", "g1"),
                Map.of("id", "99", "firstName", "Orphan", "parentId", "404", "groupId", "g1")));
        body.put("groups", List.of(Map.of("id", "g1", "status", "active")));
        body.put("supporters", List.of(Map.of("id", "s1", "firstName", "Claire", "aircallNumber", "+33176543210", "aircallNumberId", "123456"),
                Map.of("id", "s2", "firstName", "Inès")));
        body.put("redirectionTargets", List.of(Map.of("id", "r1", "url", "https://example.org/v/1")));
        assertThat(http.post("/api/v1/directory/import", body).status()).isEqualTo(200);
    }

    private static Map<String, Object> command(String commandId, String message, Object... extra) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId);
        command.put("message", message);
        command.put("recipients", List.of(Map.of("selector", "parent.1")));
        for (int i = 0; i < extra.length; i += 2) {
            command.put((String) extra[i], extra[i + 1]);
        }
        return command;
    }

    private void assertRejected(Map<String, Object> command, String code, String... detailContains) {
        var reply = http.post("/api/v1/programs", command);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(422);
        assertThat(reply.body().get("code").asString()).isEqualTo(code);
        assertThat(reply.body().get("title").asString()).isEqualTo("Command rejected");
        assertThat(reply.body().get("detail").asString()).contains(detailContains);
        assertThat(http.get("/api/v1/programs/" + command.get("commandId")).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void unknownVariableIsNamed() {
        assertRejected(command("r-unknown-var", "Bonjour {PRENOM_PARENT}"), "UNKNOWN_VARIABLE", "{PRENOM_PARENT}");
        assertRejected(command("r-unknown-raw-var", "Bonjour", "recipients",
                List.of(Map.of("phone", "0612345678", "variables", Map.of("SURNOM", "x")))), "UNKNOWN_VARIABLE", "{SURNOM}");
    }

    @Test
    void explicitAircallOutsideItsLimitsIsRejectedWithTheReason() {
        assertRejected(command("r-ac-many", "Rappel", "provider", "AIRCALL", "supporterId", "s1",
                "recipients", List.of(Map.of("selector", "parent.1"), Map.of("selector", "parent.2"))),
                "AIRCALL_SINGLE_RECIPIENT", "one recipient", "2");
        assertRejected(command("r-ac-long", "x".repeat(1601), "provider", "AIRCALL", "supporterId", "s1"),
                "AIRCALL_MESSAGE_TOO_LONG", "1600", "1601");
        assertRejected(command("r-ac-nonumber", "Rappel", "provider", "AIRCALL", "supporterId", "s2", "recipients",
                List.of(Map.of("selector", "parent.3"))), "AIRCALL_NUMBER_MISSING", "aircallNumberId");
    }

    @Test
    void otherCommandErrorsAreClear() {
        assertRejected(command("r-selector", "Hi", "recipients", List.of(Map.of("selector", "family.3"))), "INVALID_SELECTOR", "family.3");
        assertRejected(command("r-date", "Hi", "plannedDate", "2026-02-30", "plannedHour", "10:00"), "INVALID_PLANNED_TIME", "2026-02-30");
        assertRejected(command("r-url", "Voir {URL}"), "REDIRECTION_TARGET_REQUIRED", "{URL}");
        assertRejected(command("r-target", "Voir {URL}", "redirectionTargetId", "r404"), "UNKNOWN_REDIRECTION_TARGET", "r404");
        assertRejected(command("r-supporter", "Hi", "supporterId", "s404"), "UNKNOWN_SUPPORTER", "s404");
        assertRejected(command("r-both", "Hi", "recipients", List.of(Map.of("selector", "parent.1", "phone", "0612345678"))),
                "INVALID_RECIPIENT", "exactly one");
    }

    @Test
    void aRequestBreakingSeveralRulesIsOneProblemNamingEveryFieldAndRule() {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", "r-invalid");
        command.put("message", "");
        var reply = http.post("/api/v1/programs", command);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asString()).isEqualTo("https://missive.io/problems/invalid-request");
        assertThat(reply.body().get("status").asInt()).isEqualTo(400);
        var errors = new LinkedHashMap<String, String>();
        reply.body().get("errors").forEach(error -> errors.put(error.get("field").asString(), error.get("rule").asString()));
        assertThat(errors).as(reply.raw()).containsEntry("message", "NotBlank").containsEntry("recipients", "NotEmpty");
        assertThat(reply.body().get("detail").asString()).contains("message", "recipients");
        assertThat(http.get("/api/v1/programs/r-invalid").status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void everyRefusalHasTheSameShapeWithATypeNamingItsKind() {
        var rejected = http.post("/api/v1/programs", command("r-kind", "Hi", "supporterId", "s404"));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("type").asString()).isEqualTo("https://missive.io/problems/command-rejected");
        var unknown = http.get("/api/v1/programs/nope");
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("type").asString()).isEqualTo("https://missive.io/problems/unknown-program");
        var unreadable = http.post("/api/v1/programs", "{not json");
        assertThat(unreadable.contentType()).as(unreadable.raw()).startsWith("application/problem+json");
        assertThat(unreadable.body().get("type").asString()).isEqualTo("https://missive.io/problems/bad-request");
    }

    @Test
    void malformedRequestsAreBadRequestsNotErrors() {
        var missing = http.post("/api/v1/programs", Map.of("message", "Hi", "recipients", List.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().has("detail")).isTrue();
        assertThat(http.post("/api/v1/programs", "{not json").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/programs", Map.of("commandId", "x", "message", "m", "recipients",
                List.of(Map.of("selector", "parent.1")), "provider", "PIGEON")).status()).isEqualTo(400);
        var unknown = http.get("/api/v1/programs/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asString()).contains("nope");
    }

    @Test
    void theApiIsDocumented() {
        var docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("/api/v1/programs", "/api/v1/programs/{commandId}", "/api/v1/directory/import",
                "idempotency key");
    }

    @Test
    void autoPicksAircallForCall0GoalsWithTheSupportersNumber(TestNamespace namespace) {
        try (var aircall = KafkaProbe.fromNow(namespace, Topics.AIRCALL_REQUESTED)) {
            var reply = http.post("/api/v1/programs", command("r-auto-aircall", "{PRENOM_ENFANT} : rappel de {PRENOM_ACCOMPAGNANTE}",
                    "purpose", "call0_goals", "supporterId", "s1"));
            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.body().get("provider").asString()).isEqualTo("AIRCALL");
            var requested = aircall.awaitEvent(MessageRequested.class, m -> m.getCampaignId().equals("r-auto-aircall"), Duration.ofSeconds(15));
            assertThat(requested.getProvider()).isEqualTo(Provider.AIRCALL);
            assertThat(requested.getAircallNumberId()).isEqualTo("123456");
            assertThat(requested.getBody()).isEqualTo("Lina : rappel de Claire");
            assertThat(requested.getPhone()).isEqualTo("+33611111111");
        }
        var spothit = http.post("/api/v1/programs", command("r-auto-spothit", "Bonjour", "supporterId", "s1"));
        assertThat(spothit.body().get("provider").asString()).isEqualTo("SPOTHIT");
    }

    @Test
    void invalidPairsAndFiltersAreReportedAsDrops() {
        var reply = http.post("/api/v1/programs", command("r-drops", "Bonjour {PRENOM_ENFANT}", "supporterId", "s1",
                "plannedAt", Instant.now().plusSeconds(3600).toString(),
                "recipients", List.of(Map.of("selector", "child.99"), Map.of("selector", "child.12"), Map.of("selector", "tag.t1"),
                        Map.of("selector", "group.nope"), Map.of("selector", "parent.3"))));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(reply.body().get("dropped").toString()).contains(
                "{\"recipient\":\"child.99\",\"reason\":\"INVALID_PARENT_CHILD\"}",
                "{\"recipient\":\"parent.2\",\"reason\":\"DUPLICATE_RECIPIENT\"}",
                "{\"recipient\":\"parent.3\",\"reason\":\"NOT_FOLLOWED_BY_SUPPORTER\"}",
                "{\"recipient\":\"group.nope\",\"reason\":\"UNKNOWN_GROUP\"}");
    }

    @Test
    void cancelStopsWhatIsNotPublishedAndFailsIt(TestNamespace namespace) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED)) {
            var later = Instant.now().plusSeconds(3600).toString();
            var accepted = http.post("/api/v1/programs", command("r-cancel", "Bonjour", "plannedAt", later,
                    "recipients", List.of(Map.of("selector", "tag.t1"))));
            assertThat(accepted.body().get("accepted").asInt()).isEqualTo(3);

            var cancel = http.delete("/api/v1/programs/r-cancel");
            assertThat(cancel.status()).isEqualTo(200);
            assertThat(cancel.body().get("cancelled").asInt()).isEqualTo(3);
            var failed = statuses.awaitEvents(StatusUpdated.class, 3, Duration.ofSeconds(15));
            assertThat(failed).allSatisfy(s -> {
                assertThat(s.getStatus()).isEqualTo(Status.FAILED);
                assertThat(s.getReason()).isEqualTo("CANCELLED");
            });
            assertThat(failed).extracting(StatusUpdated::getMessageId)
                    .contains(MessageIds.messageId("r-cancel", "parent:1"), MessageIds.messageId("r-cancel", "parent:3"));
            assertThat(http.get("/api/v1/programs/r-cancel").body().get("state").asString()).isEqualTo("CANCELLED");
            assertThat(http.delete("/api/v1/programs/r-cancel").body().get("alreadyCancelled").asBoolean()).isTrue();
            assertThat(http.delete("/api/v1/programs/r-none").status()).isEqualTo(404);

            // The same through a CancelCommand on missive.commands.
            http.post("/api/v1/programs", command("r-cancel-kafka", "Bonjour", "plannedAt", later));
            try (var producer = new TestProducer(namespace)) {
                producer.send(Topics.COMMANDS, "r-cancel-kafka", CancelCommand.newBuilder().setEventId("c-1")
                        .setOccurredAt(Instant.now()).setCommandId("r-cancel-kafka").build());
            }
            statuses.awaitEvent(StatusUpdated.class, s -> MessageIds.messageId("r-cancel-kafka", "parent:1").equals(s.getMessageId())
                    && "CANCELLED".equals(s.getReason()), Duration.ofSeconds(15));
            requested.assertNoneArrive(Duration.ofMillis(500));
        }
        var done = http.post("/api/v1/programs", command("r-done", "Bonjour"));
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/api/v1/programs/r-done").body().get("state").asString().equals("DONE"));
        assertThat(http.delete("/api/v1/programs/r-done").status()).isEqualTo(409);
        assertThat(done.status()).isEqualTo(202);
    }

    @Test
    void badKafkaCommandsGoToTheDeadLetterTopicAndConsumptionGoesOn(TestNamespace namespace) {
        try (var dlt = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.COMMANDS));
             var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED);
             var producer = new TestProducer(namespace)) {
            producer.sendRaw(Topics.COMMANDS, "garbage", "not avro at all".getBytes(StandardCharsets.UTF_8));
            producer.send(Topics.COMMANDS, "r-kafka-rejected", kafkaCommand("r-kafka-rejected", "Bonjour {NOPE}"));
            producer.send(Topics.COMMANDS, "r-kafka-ok", kafkaCommand("r-kafka-ok", "Bonjour {PRENOM_ENFANT}"));

            var ok = planned.awaitEvent(MessagePlanned.class, m -> m.getCampaignId().equals("r-kafka-ok"), Duration.ofSeconds(20));
            assertThat(ok.getBody()).isEqualTo("Bonjour Lina");
            var dead = dlt.awaitRecords(2, Duration.ofSeconds(20));
            assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder("garbage", "r-kafka-rejected");
            assertThat(http.get("/api/v1/programs/r-kafka-rejected").status()).isEqualTo(404);
        }
    }

    private static MessageCommand kafkaCommand(String commandId, String message) {
        return MessageCommand.newBuilder().setEventId("e-" + commandId).setOccurredAt(Instant.now()).setCommandId(commandId)
                .setRecipients(List.of(RecipientSpec.newBuilder().setSelector("parent.1").build())).setMessage(message).build();
    }
}

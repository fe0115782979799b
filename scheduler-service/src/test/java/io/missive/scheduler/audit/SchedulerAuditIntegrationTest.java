package io.missive.scheduler.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.AuditRecorded;
import io.missive.events.MessageCommand;
import io.missive.events.RecipientSpec;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.AuditUnavailableException;
import io.missive.schemas.audit.kafka.KafkaAuditTrail;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every act the scheduler performs for someone is on {@code missive.audit} with who (the token's subject, a Kafka
 * command's author, or {@code kafka}), what, to what and from where: program and cancel, directory import, guard
 * relaunch, dismissal and list changes. An act whose entry the trail does not take is not done.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PUBLIC_BASE_URL=https://m.example")
class SchedulerAuditIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ADA = "ada@example.org";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The real trail, refusing only acts on targets that name "refused": the trail away, for those acts alone. */
    @TestConfiguration
    static class RefusingTrail {
        @Bean
        AuditTrail auditTrail(EventPublisher publisher) {
            var kafka = new KafkaAuditTrail(publisher, "scheduler-service", Clock.systemUTC(), Duration.ofSeconds(10));
            return act -> {
                if (act.target().contains("refused")) {
                    throw new AuditUnavailableException(act.act(), new IllegalStateException("broker away (test)"));
                }
                kafka.record(act);
            };
        }
    }

    @BeforeEach
    void directory() {
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", List.of(Map.of("id", "1", "phone", "06 11 11 11 11", "firstName", "Awa", "tagIds", List.of("t1")),
                Map.of("id", "2", "phone", "06 22 22 22 22", "firstName", "Binta", "tagIds", List.of("t1"))));
        body.put("tags", List.of(Map.of("id", "t1", "name", "all")));
        assertThat(send("POST", "/api/v1/directory/import", ADA, body).statusCode()).isEqualTo(200);
    }

    @Test
    void aProgramACancelAndADirectoryImportAreRecordedWithTheirCallerAndAddress(TestNamespace namespace) {
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT)) {
            var programmed = send("POST", "/api/v1/programs", ADA, command("a-rest", "Réunion jeudi 18h", "2099-01-05", "10:00"));
            assertThat(programmed.statusCode()).as(programmed.body()).isEqualTo(202);
            assertThat(send("DELETE", "/api/v1/programs/a-rest?reason=typo", "bob@example.org", null).statusCode()).isEqualTo(200);

            var program = await(audit, e -> e.getAct().equals("program") && e.getTarget().equals("campaign:a-rest"));
            assertThat(program.getActor()).isEqualTo(ADA);
            assertThat(program.getFrom()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(program.getService()).isEqualTo("scheduler-service");
            assertThat(program.getDetails()).containsEntry("channel", "rest").containsEntry("recipients", "2")
                    .containsEntry("template", "Réunion jeudi 18h");
            var cancel = await(audit, e -> e.getAct().equals("cancel") && e.getTarget().equals("campaign:a-rest"));
            assertThat(cancel.getActor()).isEqualTo("bob@example.org");
            assertThat(cancel.getDetails()).containsEntry("reason", "typo");
            var imported = await(audit, e -> e.getAct().equals("directory.import"));
            assertThat(imported.getActor()).isEqualTo(ADA);
            assertThat(imported.getDetails()).containsEntry("parents", "2").containsEntry("tags", "1");
            assertThat(imported.toString()).doesNotContain("0611111111", "06 11 11 11 11");
        }
        assertThat(jdbc.queryForObject("select author from campaign where command_id = 'a-rest'", String.class)).isEqualTo(ADA);
    }

    @Test
    void aKafkaCommandIsRecordedOnceByItsAuthorOrByKafka(TestNamespace namespace) {
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT); var producer = new TestProducer(namespace)) {
            producer.send(Topics.COMMANDS, "a-kafka-1", kafkaCommand("a-kafka-1", "crm-bot"));
            producer.send(Topics.COMMANDS, "a-kafka-1", kafkaCommand("a-kafka-1", "crm-bot"));
            producer.send(Topics.COMMANDS, "a-kafka-2", kafkaCommand("a-kafka-2", null));

            var named = await(audit, e -> e.getTarget().equals("campaign:a-kafka-1"));
            assertThat(named.getActor()).isEqualTo("crm-bot");
            assertThat(named.getFrom()).isEqualTo("kafka");
            assertThat(named.getDetails()).containsEntry("channel", "kafka");
            var anonymous = await(audit, e -> e.getTarget().equals("campaign:a-kafka-2"));
            assertThat(anonymous.getActor()).isEqualTo("kafka");
            // The command twice is one act: both entries it may cause carry one event id, which the tracker keeps once.
            assertThat(audit.events(AuditRecorded.class).stream().filter(e -> e.getTarget().equals("campaign:a-kafka-1"))
                    .map(AuditRecorded::getEventId).distinct()).hasSize(1);
        }
        assertThat(jdbc.queryForObject("select author from campaign where command_id = 'a-kafka-2'", String.class)).isEqualTo("kafka");
    }

    @Test
    void everyGuardDecisionAndListChangeIsRecordedByTheAdmin(TestNamespace namespace) {
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT)) {
            assertThat(send("POST", "/api/v1/programs", ADA, command("a-held-1", "Payez sur colis-suivi.info", null, null)).statusCode())
                    .isEqualTo(422);
            assertThat(send("POST", "/api/v1/programs", ADA, command("a-held-2", "Payez sur colis-express.info", null, null)).statusCode())
                    .isEqualTo(422);
            long first = attemptId("a-held-1");
            long second = attemptId("a-held-2");

            assertThat(send("POST", "/api/v1/guard/attempts/" + first + "/relaunch", "root@example.org", null).statusCode()).isEqualTo(200);
            assertThat(send("POST", "/api/v1/guard/attempts/" + second + "/dismiss", "root@example.org", null).statusCode()).isEqualTo(200);
            var added = send("POST", "/api/v1/guard/blocked", "root@example.org", Map.of("kind", "keyword", "value", "loterie"));
            assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
            long entryId = JSON.readTree(added.body()).get("id").asLong();
            assertThat(send("DELETE", "/api/v1/guard/blocked/" + entryId, "root@example.org", null).statusCode()).isEqualTo(204);

            var relaunch = await(audit, e -> e.getAct().equals("guard.relaunch"));
            assertThat(relaunch.getActor()).isEqualTo("root@example.org");
            assertThat(relaunch.getTarget()).isEqualTo("attempt:" + first);
            assertThat(relaunch.getDetails()).containsEntry("commandId", "a-held-1").containsEntry("allowListed", "url:colis-suivi.info");
            var replayed = await(audit, e -> e.getAct().equals("program") && e.getTarget().equals("campaign:a-held-1"));
            assertThat(replayed.getActor()).isEqualTo("root@example.org");
            assertThat(replayed.getDetails()).containsEntry("channel", "relaunch");
            assertThat(await(audit, e -> e.getAct().equals("guard.dismiss")).getTarget()).isEqualTo("attempt:" + second);
            assertThat(await(audit, e -> e.getAct().equals("guard.blocked.add")).getDetails()).containsEntry("value", "loterie");
            assertThat(await(audit, e -> e.getAct().equals("guard.blocked.remove")).getDetails())
                    .containsEntry("id", String.valueOf(entryId)).containsEntry("value", "loterie");
        }
    }

    @Test
    void anActWhoseEntryTheTrailDoesNotTakeIsNotDone() {
        var refused = send("POST", "/api/v1/programs", ADA, command("refused-1", "Bonjour", "2099-01-05", "10:00"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("audit-unavailable");
        assertThat(send("GET", "/api/v1/programs/refused-1", ADA, null).statusCode()).as("nothing stored").isEqualTo(404);

        var list = send("POST", "/api/v1/guard/allowed", ADA, Map.of("kind", "url", "value", "refused.example.org"));
        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(send("GET", "/api/v1/guard/allowed", ADA, null).body()).doesNotContain("refused.example.org");
    }

    private static Map<String, Object> command(String commandId, String message, @Nullable String date, @Nullable String hour) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId);
        command.put("message", message);
        command.put("recipients", List.of(Map.of("selector", "tag.t1")));
        if (date != null) {
            command.put("plannedDate", date);
            command.put("plannedHour", hour);
        }
        return command;
    }

    private static MessageCommand kafkaCommand(String commandId, @Nullable String author) {
        return MessageCommand.newBuilder().setEventId("e-" + commandId).setOccurredAt(Instant.now()).setCommandId(commandId)
                .setMessage("Bonjour").setAuthor(author)
                .setRecipients(List.of(RecipientSpec.newBuilder().setSelector("parent.1").build())).build();
    }

    private static AuditRecorded await(KafkaProbe audit, Predicate<AuditRecorded> matching) {
        return audit.awaitEvent(AuditRecorded.class, matching, Duration.ofSeconds(30));
    }

    private long attemptId(String commandId) {
        var page = JSON.readTree(send("GET", "/api/v1/guard/attempts?status=pending", ADA, null).body());
        for (JsonNode attempt : page.get("attempts")) {
            if (attempt.get("commandId").asString().equals(commandId)) {
                return attempt.get("id").asLong();
            }
        }
        throw new AssertionError("no pending attempt for " + commandId + ": " + page);
    }

    private HttpResponse<String> send(String method, String path, String subject, @Nullable Object body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopesAs(subject)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

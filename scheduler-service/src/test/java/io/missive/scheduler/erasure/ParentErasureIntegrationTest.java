package io.missive.scheduler.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.events.ErasureConfirmed;
import io.missive.events.OptOut;
import io.missive.events.ParentRecord;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.SchedulerHttp;
import io.missive.scheduler.retention.SchedulerRetention;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parent's erasure through {@code DELETE /api/v1/parents/{id}}: the request and the tombstone are published, the
 * scheduler erases its own tables, fails the parent's pending messages (ERASED), confirms, and no longer selects them;
 * then the retention purge of finished campaigns, with the clock moved.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParentErasureIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PHONE = "+33644444444";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void anErasedParentLeavesNoTraceButTheHashOfTheirStopAndIsNeitherSentToNorSelectedAgain(TestNamespace namespace) {
        var http = new SchedulerHttp(port);
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", List.of(
                Map.of("id", "e1", "phone", "06 44 44 44 44", "firstName", "Ysolde", "securityToken", "tok-ysolde", "address", "9 rue Ysolde"),
                Map.of("id", "e2", "phone", "06 55 55 55 55", "firstName", "Bertille")));
        body.put("children", List.of(Map.of("id", "ce1", "firstName", "Zéphyrin", "parentId", "e1", "groupId", "ge"),
                Map.of("id", "ce2", "firstName", "Léonie", "parentId", "e2", "groupId", "ge")));
        body.put("groups", List.of(Map.of("id", "ge", "status", "active")));
        assertThat(http.post("/api/v1/directory/import", body).status()).isEqualTo(200);

        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var erasures = KafkaProbe.fromNow(namespace, Topics.ERASURES);
             var directory = KafkaProbe.fromNow(namespace, Topics.DIRECTORY);
             var producer = new TestProducer(namespace)) {
            var now = program(http, "erase-now", Instant.now().minusSeconds(1));
            var later = program(http, "erase-later", Instant.now().plusSeconds(3600));
            assertThat(now).isEqualTo(202);
            assertThat(later).isEqualTo(202);
            await().atMost(WAIT).until(() -> "DONE".equals(jdbc.queryForObject("select state from campaign where command_id = 'erase-now'", String.class)));
            producer.send(Topics.OPTOUTS, PHONE, OptOut.newBuilder().setEventId("stop-e1").setOccurredAt(Instant.now()).setPhone(PHONE)
                    .setProvider(Provider.SPOTHIT).build());
            await().atMost(WAIT).until(() -> count("select count(*) from opt_out where phone = ?", PHONE) == 1);
            assertThat(rowsMentioning(PHONE)).isNotEmpty();

            assertThat(http.delete("/api/v1/parents/e1").status()).as("a reason is required").isEqualTo(400);
            assertThat(http.delete("/api/v1/parents/nobody?reason=asked").status()).isEqualTo(404);
            var reply = http.delete("/api/v1/parents/e1?reason=the%20family%20asked");
            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            var erasureId = reply.body().get("erasureId").asString();

            var confirmed = erasures.awaitEvent(ErasureConfirmed.class, e -> e.getErasureId().equals(erasureId), WAIT);
            assertThat(confirmed.getService()).isEqualTo("scheduler-service");
            assertThat(confirmed.getParentId()).isEqualTo("e1");
            assertThat(confirmed.getRemoved()).containsEntry("directory_child", 1L).containsEntry("campaign_message (cancelled)", 1L);
            var failed = status.awaitEvent(StatusUpdated.class, e -> "ERASED".equals(e.getReason()), WAIT);
            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getPhone()).as("a failure names no phone").isNull();
            assertThat(directory.records()).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("parent:e1");
                assertThat(r.value()).isNull();
            });

            for (var trace : List.of(PHONE, "06 44 44 44 44", "Ysolde", "Zéphyrin", "tok-ysolde", "9 rue Ysolde")) {
                assertThat(rowsMentioning(trace)).as("'%s' anywhere in the scheduler's schema", trace).isEmpty();
            }
            assertThat(count("select count(*) from opt_out where phone = ?", PhoneHash.of(PHONE))).as("the STOP outlives the erasure").isEqualTo(1);
            assertThat(count("select count(*) from campaign_message where command_id = 'erase-later' and failure = 'ERASED'")).isEqualTo(1);
            assertThat(count("select count(*) from campaign_message where command_id = 'erase-later' and failure is null and body like '%Léonie%'"))
                    .as("the other parent's message is untouched").isEqualTo(1);

            // A directory record replayed for the erased parent is not projected again; one for another parent is.
            producer.send(Topics.DIRECTORY, "parent:e1", ParentRecord.newBuilder().setId("e1").setPhone(PHONE).setFirstName("Ysolde").build());
            producer.send(Topics.DIRECTORY, "parent:e3", ParentRecord.newBuilder().setId("e3").setPhone("+33666666666").setFirstName("Capucine").build());
            await().atMost(WAIT).until(() -> count("select count(*) from directory_parent where id = 'e3'") == 1);
            assertThat(count("select count(*) from directory_parent where id = 'e1'")).isZero();

            var again = http.post("/api/v1/programs", Map.of("commandId", "erase-again", "message", "Bonjour {PRENOM_ENFANT}",
                    "recipients", List.of(Map.of("selector", "parent.e1"), Map.of("selector", "parent.e2"))));
            assertThat(again.status()).as(again.raw()).isEqualTo(202);
            assertThat(again.raw()).contains("parent.e1", "UNKNOWN_PARENT");
            assertThat(http.delete("/api/v1/parents/e1?reason=twice").body().get("status").asString()).isEqualTo("ALREADY_ERASED");
        }
    }

    @Test
    void retentionRedactsFinishedCampaignsOnceTheClockHasMovedPastTheirAgeAndLeavesPlannedOnesAlone() {
        var http = new SchedulerHttp(port);
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", List.of(Map.of("id", "r1", "phone", "06 77 77 77 71", "firstName", "Romy"),
                Map.of("id", "r2", "phone", "06 77 77 77 72", "firstName", "Rayan"),
                Map.of("id", "r3", "phone", "06 77 77 77 73", "firstName", "Rose")));
        assertThat(http.post("/api/v1/directory/import", body).status()).isEqualTo(200);
        var recipients = List.of(Map.of("selector", "parent.r1"), Map.of("selector", "parent.r2"), Map.of("selector", "parent.r3"),
                Map.of("selector", "parent.unknown-r"));
        assertThat(http.post("/api/v1/programs", Map.of("commandId", "retention-done", "message", "Bonjour Romy",
                "plannedAt", Instant.now().minusSeconds(1).toString(), "recipients", recipients)).status()).isEqualTo(202);
        assertThat(http.post("/api/v1/programs", Map.of("commandId", "retention-planned", "message", "Bonjour Rose",
                "plannedAt", Instant.now().plusSeconds(3600).toString(), "recipients", recipients)).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "DONE".equals(jdbc.queryForObject("select state from campaign where command_id = 'retention-done'", String.class)));

        assertThat(purgeAt(Duration.ofDays(179)).values()).as("nothing is due before 180 days").containsOnly(0L);
        var removed = purgeAt(Duration.ofDays(181));
        assertThat(removed.get("message_bodies")).isGreaterThanOrEqualTo(3 + 1 + 1);
        assertThat(count("select count(*) from campaign_message where command_id = 'retention-done' and body = '' and phone = '' and seq > 0")).isEqualTo(3);
        assertThat(count("select count(*) from campaign_drop where command_id = 'retention-done'")).isZero();
        assertThat(count("select count(*) from campaign where command_id = 'retention-done' and messages_redacted and recipient_count = 3")).isEqualTo(1);
        assertThat(count("select count(*) from campaign_message where command_id = 'retention-planned' and body <> ''")).isEqualTo(3);
        assertThat(count("select count(*) from campaign_drop where command_id = 'retention-planned'")).isEqualTo(1);
        assertThat(purgeAt(Duration.ofDays(181)).values()).as("a second run has nothing left").containsOnly(0L);
        assertThat(meters.find("missive.retention.rows").tag("service", "scheduler-service").tag("table", "campaign_message").counter())
                .isNotNull().satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(3));
    }

    private Map<String, Long> purgeAt(Duration ahead) {
        return new RetentionPurge(jdbc, SchedulerRetention.rules(RetentionProperties.defaults()), Clock.offset(Clock.systemUTC(), ahead),
                2, Duration.ZERO, meters, "scheduler-service").run();
    }

    private int program(SchedulerHttp http, String commandId, Instant at) {
        return http.post("/api/v1/programs", Map.of("commandId", commandId, "message", "Bonjour {PRENOM_ENFANT}",
                "plannedAt", at.toString(), "recipients", List.of(Map.of("selector", "child.ce1"), Map.of("selector", "child.ce2")))).status();
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** Rows of every table of the service's schema whose text mentions the value. */
    private List<String> rowsMentioning(String value) {
        var rows = new ArrayList<String>();
        for (var table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'", String.class)) {
            rows.addAll(jdbc.queryForList("select '" + table + ": ' || t::text from " + table + " t where strpos(t::text, ?) > 0", String.class, value));
        }
        return rows;
    }
}

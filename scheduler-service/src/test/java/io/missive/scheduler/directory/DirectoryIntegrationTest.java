package io.missive.scheduler.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.ChildRecord;
import io.missive.events.GroupRecord;
import io.missive.events.MessagePlanned;
import io.missive.events.ParentRecord;
import io.missive.events.RedirectionTargetRecord;
import io.missive.events.SupporterRecord;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.DemoDirectory;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory projection: fed by the compacted topic or the bulk import, and fast enough for demo data. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsOneHundredThousandParentsInSeconds() {
        var http = new SchedulerHttp(port);
        var body = DemoDirectory.of(100_000);
        long started = System.nanoTime();
        var reply = http.post("/api/v1/directory/import", body);
        long roundTripMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("parents").asInt()).isEqualTo(100_000);
        System.out.println("figure: import of 100000 parents + 100000 children: " + reply.body().get("tookMs").asLong()
                + " ms in the database, " + roundTripMs + " ms for the HTTP round trip (JSON included)");
        assertThat(jdbc.queryForObject("select count(*) from directory_parent where id like 'p%'", Integer.class)).isEqualTo(100_000);

        // Re-importing is an upsert, not a duplicate.
        var again = http.post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("id", "p1", "phone", "0611111111",
                "tagIds", List.of("t-other")))));
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select phone from directory_parent where id = 'p1'", String.class)).isEqualTo("0611111111");
        assertThat(jdbc.queryForList("select tag_id from directory_parent_tag where parent_id = 'p1'", String.class)).containsExactly("t-other");
    }

    @Test
    void anOversizedImportFieldIsABadRequestNamingItNotAServerError() {
        var http = new SchedulerHttp(port);

        var hugeId = http.post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("id", "p".repeat(100_000)))));
        var hugeName = http.post("/api/v1/directory/import", Map.of("children", List.of(Map.of("id", "c-huge", "firstName", "x".repeat(5_000)))));

        assertThat(hugeId.status()).isEqualTo(400);
        assertThat(hugeId.raw()).contains("parent.id", "at most 64");
        assertThat(hugeName.status()).isEqualTo(400);
        assertThat(hugeName.raw()).contains("child.firstName");
        assertThat(jdbc.queryForObject("select count(*) from directory_child where id = 'c-huge'", Integer.class)).isZero();
    }

    @Test
    void anImportEntryWithoutIdIsABadRequest() {
        var reply = new SchedulerHttp(port).post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("phone", "0611111111"))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("detail").asString()).contains("parent needs an id");
        var badUrl = new SchedulerHttp(port).post("/api/v1/directory/import",
                Map.of("redirectionTargets", List.of(Map.of("id", "r9", "url", "javascript:alert(1)"))));
        assertThat(badUrl.status()).isEqualTo(400);
    }

    @Test
    void projectsTheDirectoryTopicTombstonesIncludedAndDeadLettersWhatItCannotRead(TestNamespace namespace) {
        var http = new SchedulerHttp(port);
        try (var producer = new TestProducer(namespace);
             var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED);
             var dlt = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.DIRECTORY))) {
            producer.sendRaw(Topics.DIRECTORY, "parent:broken", "garbage".getBytes(StandardCharsets.UTF_8));
            producer.send(Topics.DIRECTORY, "supporter:k9", SupporterRecord.newBuilder().setId("k9").setFirstName("Claire")
                    .setAircallNumber("+33176543210").build());
            producer.send(Topics.DIRECTORY, "group:kg", GroupRecord.newBuilder().setId("kg").setStatus("active").build());
            producer.send(Topics.DIRECTORY, "parent:k1", ParentRecord.newBuilder().setId("k1").setPhone("0612121212")
                    .setFirstName("Awa").setSupporterId("k9").setAddress("old address").build());
            producer.send(Topics.DIRECTORY, "parent:k1", ParentRecord.newBuilder().setId("k1").setPhone("0612121212")
                    .setFirstName("Awa").setSupporterId("k9").setAddress("2 rue Neuve").build());
            producer.send(Topics.DIRECTORY, "child:kc", ChildRecord.newBuilder().setId("kc").setFirstName("Lina")
                    .setParentId("k1").setGroupId("kg").build());
            producer.send(Topics.DIRECTORY, "redirection:kr", RedirectionTargetRecord.newBuilder().setId("kr")
                    .setUrl("https://example.org/k").build());
            producer.send(Topics.DIRECTORY, "parent:k2", ParentRecord.newBuilder().setId("k2").setPhone("0613131313").build());
            producer.delete(Topics.DIRECTORY, "parent:k2");

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select (select count(*) from directory_redirection where id = 'kr')
                         + (select count(*) from directory_parent where id = 'k1' and address = '2 rue Neuve')
                         + (select count(*) from directory_child where id = 'kc')
                         + (select count(*) from directory_group where id = 'kg')
                         + (select count(*) from directory_supporter where id = 'k9')
                         - (select count(*) from directory_parent where id = 'k2')""", Integer.class) == 5);
            assertThat(dlt.awaitRecords(1, Duration.ofSeconds(20))).extracting(r -> r.key()).containsExactly("parent:broken");

            var reply = http.post("/api/v1/programs", Map.of("commandId", "from-topic",
                    "message", "{PRENOM_ENFANT}, {PARENT_ADDRESS}, {PRENOM_ACCOMPAGNANTE} {NUMERO_AIRCALL_ACCOMPAGNANTE} {URL}",
                    "redirectionTargetId", "kr",
                    "recipients", List.of(Map.of("selector", "parent.k1"), Map.of("selector", "parent.k2"))));
            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.body().get("accepted").asInt()).as(reply.raw()).isEqualTo(1);
            assertThat(reply.body().get("dropped").toString()).contains("{\"recipient\":\"parent.k2\",\"reason\":\"UNKNOWN_PARENT\"}");
            var message = planned.awaitEvent(MessagePlanned.class, m -> m.getCampaignId().equals("from-topic"), Duration.ofSeconds(15));
            assertThat(message.getBody()).matches("Lina, 2 rue Neuve, Claire \\+33176543210 http://localhost:8084/r/[0-9A-Za-z]{8}");
            assertThat(message.getPhone()).isEqualTo("+33612121212");
            assertThat(message.getChildId()).isEqualTo("kc");
        }
    }
}

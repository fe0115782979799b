package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.MessageCommand;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.ProviderChoice;
import io.missive.events.RecipientSpec;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.DemoDirectory;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The headline: a 10,000-parent campaign with variables, sent as a Kafka command, gives one
 * MessageRequested per eligible parent with its rendered body, reports every drop with its reason,
 * fails recipients missing a variable, is published within a second of its due time, and a replay of
 * the same command creates nothing.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenThousandParentCampaignIntegrationTest {

    private static final int PARENTS = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLargeCampaignIsResolvedRenderedAndPublishedOnTime(TestNamespace namespace) throws Exception {
        var http = new SchedulerHttp(port);
        var imported = http.post("/api/v1/directory/import", DemoDirectory.of(PARENTS));
        assertThat(imported.status()).isEqualTo(200);
        System.out.println("figure: directory import of " + PARENTS + " parents + children took "
                + imported.body().get("tookMs").asLong() + " ms");

        try (var producer = new TestProducer(namespace)) {
            for (int i = 4; i <= PARENTS; i += 100) {
                var phone = DemoDirectory.phoneOf(i);
                producer.sendAsync(Topics.OPTOUTS, phone, OptOut.newBuilder().setEventId("o" + i).setOccurredAt(Instant.now())
                        .setPhone(phone).setProvider(Provider.SPOTHIT).build());
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from opt_out", Integer.class) == PARENTS / 100);

        var commandId = "campaign-10k";
        // Far enough ahead that acceptance (resolution, rendering, one phone parse per recipient) is over before it
        // falls due, even on a loaded 2-core machine: what is asserted is the due-queue's punctuality.
        var due = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        var template = "Bonjour, {PRENOM_ENFANT} a une nouvelle vidéo : {URL} — {PRENOM_ACCOMPAGNANTE} ({NUMERO_AIRCALL_ACCOMPAGNANTE}), {PARENT_ADDRESS}";
        var command = MessageCommand.newBuilder().setEventId("e-1").setOccurredAt(Instant.now()).setCommandId(commandId)
                .setPlannedAt(due.toString())
                .setRecipients(List.of(
                        RecipientSpec.newBuilder().setSelector("tag.t-all").build(),
                        RecipientSpec.newBuilder().setSelector("parent.nobody").build(),
                        RecipientSpec.newBuilder().setPhone("07 99 99 99 99").setVariables(Map.of("PRENOM_ENFANT", "Zoé",
                                "PRENOM_ACCOMPAGNANTE", "Claire", "NUMERO_AIRCALL_ACCOMPAGNANTE", "+33176543210",
                                "PARENT_ADDRESS", "Mairie")).build()))
                .setMessage(template).setRedirectionTargetId("r1").setWorkshopId("w-9").setQuitMessage(true)
                .setProvider(ProviderChoice.AUTO).build();

        try (var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED);
             var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED);
             var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var producer = new TestProducer(namespace)) {
            producer.send(Topics.COMMANDS, commandId, command);

            int eligible = PARENTS - 5 * (PARENTS / 100) + 1;
            int missingVariable = PARENTS / 100;
            var plannedEvents = planned.awaitEvents(MessagePlanned.class, eligible + missingVariable, Duration.ofSeconds(60));
            var failed = statuses.awaitEvents(StatusUpdated.class, missingVariable, Duration.ofSeconds(30));
            var requestedRecords = requested.awaitRecords(eligible, Duration.ofSeconds(60));
            var requestedEvents = requested.events(MessageRequested.class);

            // One message per eligible parent, none early; the due-queue starts publishing within a second of the
            // due time. How long the whole campaign takes depends on the machine: it is printed, not asserted.
            assertThat(requestedEvents).hasSize(eligible);
            assertThat(requestedEvents.stream().map(MessageRequested::getMessageId).collect(Collectors.toSet())).hasSize(eligible);
            long first = requestedRecords.stream().mapToLong(r -> r.timestamp()).min().orElseThrow();
            long last = requestedRecords.stream().mapToLong(r -> r.timestamp()).max().orElseThrow();
            System.out.println("figure: " + eligible + " MessageRequested published from " + (first - due.toEpochMilli())
                    + " ms to " + (last - due.toEpochMilli()) + " ms after the due time");
            assertThat(first).isGreaterThanOrEqualTo(due.toEpochMilli());
            assertThat(first - due.toEpochMilli()).isLessThanOrEqualTo(1000);

            // Rendered bodies: the parent's child, supporter and address, and a tracked link of its own.
            var byId = requestedEvents.stream().collect(Collectors.toMap(MessageRequested::getMessageId, Function.identity()));
            var plannedById = plannedEvents.stream().collect(Collectors.toMap(MessagePlanned::getMessageId, Function.identity(), (a, b) -> a));
            var p10 = byId.get(MessageIds.messageId(commandId, "parent:p10"));
            var code = plannedById.get(p10.getMessageId()).getLinkCode();
            assertThat(code).matches("[0-9A-Za-z]{8}");
            assertThat(p10.getBody()).isEqualTo("Bonjour, Enfant10 a une nouvelle vidéo : http://localhost:8084/r/" + code
                    + " — Claire (+33176543210), 10 rue de la Paix");
            assertThat(p10.getPhone()).isEqualTo("+33600000010");
            assertThat(p10.getTemplate()).isEqualTo(template);
            assertThat(p10.getVariables()).containsEntry("PRENOM_ENFANT", "Enfant10").containsEntry("URL", "http://localhost:8084/r/" + code);
            assertThat(p10.getSegments()).isEqualTo(2);
            assertThat(p10.getProvider()).isEqualTo(Provider.SPOTHIT);
            assertThat(plannedById.get(p10.getMessageId()).getRedirectionUrl()).isEqualTo("https://example.org/videos/42");
            assertThat(plannedById.get(p10.getMessageId()).getWorkshopId()).isEqualTo("w-9");
            assertThat(plannedById.get(p10.getMessageId()).getQuitMessage()).isTrue();
            var raw = byId.get(MessageIds.messageId(commandId, "phone:+33799999999"));
            assertThat(raw.getBody()).startsWith("Bonjour, Zoé a une nouvelle vidéo : http://localhost:8084/r/").endsWith("(+33176543210), Mairie");
            assertThat(new HashSet<>(plannedEvents.stream().map(MessagePlanned::getLinkCode).toList())).hasSize(eligible + missingVariable);

            // Recipients missing a value are FAILED, never sent.
            assertThat(failed).allSatisfy(status -> {
                assertThat(status.getStatus()).isEqualTo(Status.FAILED);
                assertThat(status.getReason()).isEqualTo("MISSING_VARIABLE:PARENT_ADDRESS");
                assertThat(status.getSource()).isEqualTo("scheduler-service");
            });
            assertThat(failed).extracting(StatusUpdated::getMessageId).contains(MessageIds.messageId(commandId, "parent:p6"));
            assertThat(byId).doesNotContainKey(MessageIds.messageId(commandId, "parent:p6"));

            // Every drop is reported with its reason.
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    http.get("/api/v1/programs/" + commandId).body().get("state").asString().equals("DONE"));
            var reply = http.get("/api/v1/programs/" + commandId);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("accepted").asInt()).isEqualTo(eligible);
            assertThat(reply.body().get("state").asString()).isEqualTo("DONE");
            var reasons = new LinkedHashMap<String, Integer>();
            reply.body().get("dropped").forEach(d -> reasons.merge(d.get("reason").asString(), 1, Integer::sum));
            assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("INVALID_PHONE", 100, "DUPLICATE_PHONE", 100,
                    "OPTED_OUT", 100, "GROUP_STATUS", 100, "UNKNOWN_PARENT", 1));
            assertThat(reply.body().get("dropped").toString()).contains("{\"recipient\":\"parent.p101\",\"reason\":\"INVALID_PHONE\"}",
                    "{\"recipient\":\"parent.nobody\",\"reason\":\"UNKNOWN_PARENT\"}");
            assertThat(reply.body().get("failed")).hasSize(missingVariable);
            assertThat(reply.body().get("droppedByReason").toString()).as("counted by reason, whatever the listing")
                    .isEqualTo("{\"DUPLICATE_PHONE\":100,\"GROUP_STATUS\":100,\"INVALID_PHONE\":100,\"OPTED_OUT\":100,\"UNKNOWN_PARENT\":1}");
            assertThat(reply.body().get("failedByReason").toString())
                    .isEqualTo("{\"MISSING_VARIABLE:PARENT_ADDRESS\":" + missingVariable + "}");

            // A page asks for the first few of each, with the same counts.
            var firstFew = http.get("/api/v1/programs/" + commandId + "?limit=3");
            assertThat(firstFew.body().get("dropped")).hasSize(3);
            assertThat(firstFew.body().get("dropped").get(0)).isEqualTo(reply.body().get("dropped").get(0));
            assertThat(firstFew.body().get("failed")).hasSize(Math.min(3, missingVariable));
            assertThat(firstFew.body().get("droppedByReason")).isEqualTo(reply.body().get("droppedByReason"));
            assertThat(http.get("/api/v1/programs/" + commandId + "?limit=0").status()).isEqualTo(400);
            assertThat(http.get("/api/v1/programs/" + commandId + "?limit=10001").status()).isEqualTo(400);

            // The same command again, by REST this time: a replay, nothing new.
            var replay = http.post("/api/v1/programs", Map.of("commandId", commandId, "message", template,
                    "recipients", List.of(Map.of("selector", "tag.t-all")), "redirectionTargetId", "r1"));
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.body().get("replay").asBoolean()).isTrue();
            assertThat(replay.body().get("accepted").asInt()).isEqualTo(eligible);
            producer.send(Topics.COMMANDS, commandId, command);
            planned.assertNoneArrive(Duration.ofSeconds(3));
            requested.assertNoneArrive(Duration.ofMillis(200));
        }
    }
}

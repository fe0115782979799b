package io.missive.tracker.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.events.AircallCallEvent;
import io.missive.events.ErasureConfirmed;
import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.MessagePlanned;
import io.missive.events.OptOut;
import io.missive.events.ParentErased;
import io.missive.events.ParentRecord;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.retention.TrackerRetention;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A parent's erasure in the Events store, and the retention purge as the clock moves (not the calendar). */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureAndRetentionIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private EventsStoreProbe store;
    private TestProducer producer;

    @BeforeEach
    void open(TestNamespace namespace) {
        store = new EventsStoreProbe(jdbc, namespace);
        producer = new TestProducer(namespace);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void anErasureLeavesNothingOfTheParentButTheHashOfTheirStopAndShowsEachServicesConfirmation() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        // A number the phone library takes, so that the tracker's directory copy ties the reply to the parent.
        var erasedPhone = "+33612" + String.format("%06d", Math.abs(run.hashCode() % 1_000_000));
        var keptPhone = "+3369913" + Math.abs(run.hashCode() % 10_000) + "2";
        var parent = "parent-" + run;
        var erasedMessage = Traffic.messageId(run, 1);
        var keptMessage = Traffic.messageId(run, 2);
        var providerId = run + "-campaign";
        // In the directory first, so that the reply is tied to the parent and their supporter (decision 0505).
        send(new Traffic.Sent(Topics.DIRECTORY, "parent:" + parent, ParentRecord.newBuilder().setId(parent).setPhone(erasedPhone)
                .setFirstName("Camille-" + run).setSupporterId("supporter-" + run).build()));
        EventsStoreProbe.await(WAIT, "the parent in the tracker's directory", () -> store.count("directory_parents where parent_id = '" + parent + "'") == 1);
        send(planned(erasedMessage, parent, erasedPhone, "Bonjour Zoé-" + run), planned(keptMessage, "other-" + run, keptPhone, "Bonjour Léo-" + run));
        send(Traffic.byMessage(Traffic.eventId(run, "sent", 1), erasedMessage, Status.SENT, Traffic.T0.plusSeconds(2), "spothit-dispatcher",
                        Provider.SPOTHIT, providerId, erasedPhone, 1),
                Traffic.receipt(Traffic.eventId(run, "delivered", 1), Provider.SPOTHIT, providerId, erasedPhone, Status.DELIVERED,
                        Traffic.T0.plusSeconds(30), null),
                new Traffic.Sent(Topics.INBOUND, erasedPhone, InboundMessage.newBuilder().setEventId(Traffic.eventId(run, "reply", 1))
                        .setOccurredAt(Traffic.T0.plusSeconds(60)).setProvider(Provider.SPOTHIT).setPhone(erasedPhone)
                        .setBody("Merci, Zoé-" + run + " a adoré").setKind(InboundKind.REPLY).build()),
                new Traffic.Sent(Topics.OPTOUTS, erasedPhone, OptOut.newBuilder().setEventId(Traffic.eventId(run, "optout", 1))
                        .setOccurredAt(Traffic.T0.plusSeconds(61)).setPhone(erasedPhone).setProvider(Provider.SPOTHIT).build()),
                new Traffic.Sent(Topics.AIRCALL_CALLS, run + "-call", AircallCallEvent.newBuilder().setEventId(Traffic.eventId(run, "call", 1))
                        .setOccurredAt(Traffic.T0).setCallId(run + "-call").setEvent("call.ended").setPhone(erasedPhone).build()));
        EventsStoreProbe.await(WAIT, "the STOP in opt_outs", () -> store.count("opt_outs where phone = '" + erasedPhone + "'") == 1);
        EventsStoreProbe.await(WAIT, "the message delivered", () -> store.count("text_message_events where message_id = '" + erasedMessage + "' and status = 1") == 1);
        EventsStoreProbe.await(WAIT, "the reply", () -> store.count("inbound_messages where phone = '" + erasedPhone + "'") == 1);
        EventsStoreProbe.await(WAIT, "the call", () -> store.count("aircall_calls where phone = '" + erasedPhone + "'") == 1);
        EventsStoreProbe.await(WAIT, "the reply tied to the parent", () -> store.count("inbound_parents where parent_id = '" + parent + "'") == 1);
        assertThat(rowsMentioning(erasedPhone)).isNotEmpty();

        var erasureId = UUID.randomUUID().toString();
        send(new Traffic.Sent(Topics.COMMANDS, erasureId, ParentErased.newBuilder().setEventId(erasureId).setOccurredAt(Instant.now())
                .setErasureId(erasureId).setParentId(parent).setPhones(List.of(erasedPhone)).setAuthor("dpo@example.org")
                .setReason("the family asked (art. 17)").build()));

        EventsStoreProbe.await(WAIT, "the tracker's own confirmation", () -> body("/api/v1/erasures/" + erasureId).contains("\"status-tracker\""));
        var view = get("/api/v1/erasures/" + erasureId);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"parentId\":\"" + parent + "\"", "\"author\":\"dpo@example.org\"", "\"complete\":false",
                "\"scheduler-service\"", "text_message_events");

        assertThat(rowsMentioning(erasedPhone)).as("the phone, anywhere in the Events store").isEmpty();
        assertThat(rowsMentioning("Zoé-" + run)).as("the child's name, anywhere in the Events store").isEmpty();
        assertThat(rowsMentioning(parent)).as("the parent id, outside the erasure records").isEmpty();
        assertThat(store.count("opt_outs where phone = '" + PhoneHash.of(erasedPhone) + "' and active")).as("the STOP outlives the erasure").isEqualTo(1);
        assertThat(store.message(erasedMessage)).containsEntry("status", 1).containsEntry("campaign_id", run + "-c");
        assertThat(store.message(keptMessage)).containsEntry("phone", keptPhone).containsEntry("body", "Bonjour Léo-" + run);
        assertThat(get("/api/v1/parents/" + parent + "/messages").body()).doesNotContain(erasedMessage);

        // A plan for the parent the projection reads only now (it ran behind the erasure): kept as the erasure leaves one.
        var latePlan = Traffic.messageId(run, 3);
        send(planned(latePlan, parent, erasedPhone, "Bonjour Zoé-" + run + " encore"));
        EventsStoreProbe.await(WAIT, "the late plan", () -> store.count("text_message_events where message_id = '" + latePlan + "'") == 1);
        assertThat(store.message(latePlan)).containsEntry("phone", null).containsEntry("body", null).containsEntry("parent_id", null)
                .containsEntry("campaign_id", run + "-c");
        assertThat(rowsMentioning(erasedPhone)).as("the phone, after the late plan").isEmpty();

        // Every other service confirms on missive.erasures: the view fills in and completes.
        for (var service : List.of("scheduler-service", "spothit-dispatcher", "aircall-dispatcher", "webhook-gateway")) {
            send(new Traffic.Sent(Topics.ERASURES, parent, ErasureConfirmed.newBuilder().setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(Instant.now()).setErasureId(erasureId).setParentId(parent).setService(service)
                    .setRemoved(Map.of("rows", 1L)).build()));
        }
        EventsStoreProbe.await(WAIT, "every confirmation", () -> body("/api/v1/erasures/" + erasureId).contains("\"complete\":true"));
        assertThat(get("/api/v1/erasures/unknown-" + run).statusCode()).isEqualTo(404);
    }

    @Test
    void retentionRedactsFinishedMessagesAfter180DaysAndDeletesRepliesAfter365InBatchesAndOnlyOnce() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var finished = Traffic.messageId(run, 1);
        var inFlight = Traffic.messageId(run, 2);
        var phone = "+3369914" + Math.abs(run.hashCode() % 10_000) + "3";
        var sent = new ArrayList<Traffic.Sent>();
        for (int n = 1; n <= 5; n++) {
            sent.add(planned(Traffic.messageId(run, n), "p-" + run, phone, "Bonjour " + n));
        }
        sent.add(Traffic.byMessage(Traffic.eventId(run, "sent", 2), inFlight, Status.SENT, Traffic.T0.plusSeconds(2), "spothit-dispatcher",
                null, null, null, 1));
        for (int n : new int[] {1, 3, 4, 5}) {
            sent.add(Traffic.byMessage(Traffic.eventId(run, "failed", n), Traffic.messageId(run, n), Status.FAILED, Traffic.T0.plusSeconds(5),
                    "spothit-dispatcher", null, null, null, 1));
        }
        sent.add(new Traffic.Sent(Topics.INBOUND, phone, InboundMessage.newBuilder().setEventId(Traffic.eventId(run, "reply", 1))
                .setOccurredAt(Traffic.T0.plusSeconds(60)).setProvider(Provider.SPOTHIT).setPhone(phone).setBody("Merci " + run)
                .setKind(InboundKind.REPLY).build()));
        send(sent.toArray(Traffic.Sent[]::new));
        EventsStoreProbe.await(WAIT, "the messages and the reply", () -> store.count("text_message_events where campaign_id = '" + run + "-c' and status = 4") == 4
                && store.count("text_message_events where message_id = '" + inFlight + "' and status = 2") == 1
                && store.count("inbound_messages where phone = '" + phone + "'") == 1);

        assertThat(purgeAt(Duration.ofDays(100)).get("message_bodies")).isNotNull();
        assertThat(store.message(finished)).containsEntry("body", "Bonjour 1");
        assertThat(store.count("processed_events")).as("dedupe keys older than 14 days").isZero();

        purgeAt(Duration.ofDays(181));
        assertThat(store.count("text_message_events where campaign_id = '" + run + "-c' and body is null and phone is null and status = 4"))
                .as("finished messages, redacted in batches of 2").isEqualTo(4);
        assertThat(store.message(finished)).containsEntry("status", 4).containsEntry("parent_id", "p-" + run)
                .containsEntry("campaign_id", run + "-c");
        assertThat(store.message(inFlight)).as("a message still in flight keeps its body").containsEntry("body", "Bonjour 2");
        assertThat(store.count("inbound_messages where phone = '" + phone + "'")).isEqualTo(1);

        purgeAt(Duration.ofDays(366));
        assertThat(store.count("inbound_messages where phone = '" + phone + "'")).isZero();
        assertThat(purgeAt(Duration.ofDays(366)).values()).as("a second run finds nothing left to purge").containsOnly(0L);
        // The rule spans several tables (one counter each): the four redacted messages are in their sum.
        assertThat(meters.find("missive.retention.rows").tag("rule", "message_bodies").tag("service", "status-tracker").counters()
                .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aPurgeStoppedBetweenTwoBatchesKeepsWhatItCommittedAndTheNextRunFinishesTheRest() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into processed_events (event_id, processed_at) select ? || '-' || n, now() - interval '30 days' "
                + "from generate_series(1, 2500) n", run);
        var batches = new java.util.concurrent.atomic.AtomicInteger();
        var dedupeOnly = List.of(TrackerRetention.rules(RetentionProperties.defaults()).stream()
                .filter(rule -> rule.name().equals("dedupe")).findFirst().orElseThrow());
        var purge = new RetentionPurge(jdbc, dedupeOnly, Clock.systemUTC(), 500, Duration.ZERO, meters, "status-tracker");

        var first = purge.run(() -> batches.incrementAndGet() <= 3);
        assertThat(first.get("dedupe")).as("three committed batches, then stopped").isEqualTo(1500L);
        assertThat(store.count("processed_events where event_id like '" + run + "-%'")).isEqualTo(1000);
        assertThat(purge.run().get("dedupe")).as("the next run takes up the rest").isGreaterThanOrEqualTo(1000L);
        assertThat(store.count("processed_events where event_id like '" + run + "-%'")).isZero();
        assertThat(purge.run().get("dedupe")).isZero();
    }

    private Map<String, Long> purgeAt(Duration ahead) {
        var clock = Clock.offset(Clock.systemUTC(), ahead);
        var policy = RetentionProperties.defaults();
        return new RetentionPurge(jdbc, TrackerRetention.rules(policy), clock, 2, Duration.ZERO, meters, "status-tracker").run();
    }

    private static Traffic.Sent planned(String messageId, String parent, String phone, String body) {
        return new Traffic.Sent(Topics.PLANNED, messageId, MessagePlanned.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Traffic.T0).setMessageId(messageId).setCampaignId(parent.substring(parent.indexOf('-') + 1) + "-c")
                .setParentId(parent).setChildId("child-" + messageId).setPhone(phone).setProvider(Provider.SPOTHIT).setBody(body)
                .setSegments(1).setEncoding("GSM7").setPlannedAt(Traffic.T0).setLinkCode("L" + messageId.substring(0, 6)).build());
    }

    /** Every row of every table of the tracker's schema whose text mentions the value (erasure records apart). */
    private List<String> rowsMentioning(String value) {
        var rows = new ArrayList<String>();
        for (var table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'tracker' "
                + "and table_type = 'BASE TABLE' and table_name not in ('erasure_request', 'erasure_confirmation', 'flyway_schema_history')", String.class)) {
            for (var row : jdbc.queryForList("select t::text from tracker." + table + " t where strpos(t::text, ?) > 0", String.class, value)) {
                rows.add(table + ": " + row);
            }
        }
        return rows;
    }

    private void send(Traffic.Sent... events) {
        for (var event : events) {
            producer.send(event.topic(), event.key(), event.event());
        }
    }

    private String body(String path) {
        try {
            return get(path).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.schemas.Statuses;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The status machine and every event type, end to end: Kafka in, PostgreSQL rows and the query API out. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "missive.tracker.gauge-refresh=500ms")
class StatusProjectionIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProjection projection;

    TestNamespace namespace;
    EventsStoreProbe store;
    TestProducer producer;

    @BeforeEach
    void open(TestNamespace namespace) {
        this.namespace = namespace;
        this.store = new EventsStoreProbe(jdbc, namespace);
        this.producer = new TestProducer(namespace);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void sentAfterDeliveredLeavesDelivered() {
        var run = "late-sent";
        var id = Traffic.messageId(run, 1);
        send(Traffic.planned(run, 1),
                Traffic.byMessage("e1", id, Status.DELIVERED, Traffic.T0.plusSeconds(20), "spothit", null, null, null, null),
                Traffic.byMessage("e2", id, Status.SENT, Traffic.T0.plusSeconds(10), "spothit-dispatcher", Provider.SPOTHIT, "sh-late", Traffic.phone(1), 1));
        awaitHistory(id, 2);

        var row = store.message(id);
        assertThat(Statuses.fromCode(((Number) row.get("status")).intValue())).isEqualTo(Status.DELIVERED);
        assertThat(row.get("spot_hit_message_id")).isEqualTo("sh-late");
        assertThat(row.get("sent_at")).isNotNull();
    }

    @Test
    void failedAfterDeliveredLeavesDeliveredAndCountsAnAnomaly() throws Exception {
        var run = "conflict";
        var id = Traffic.messageId(run, 1);
        double anomaliesBefore = metric("missive_tracker_status_anomalies_total");
        send(Traffic.planned(run, 1),
                Traffic.byMessage(Traffic.eventId(run, "delivered", 1), id, Status.DELIVERED, Traffic.T0.plusSeconds(20), "spothit", null, null, null, null));
        awaitHistory(id, 1);
        send(Traffic.byMessage(Traffic.eventId(run, "failed", 1), id, Status.FAILED, Traffic.T0.plusSeconds(30), "spothit", null, null, null, null));
        awaitHistory(id, 2);

        assertThat(statusOf(id)).isEqualTo(Status.DELIVERED);
        EventsStoreProbe.await(WAIT, "the anomaly metric", () -> metric("missive_tracker_status_anomalies_total") == anomaliesBefore + 1);
        var message = get("/api/v1/messages/" + id);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).contains("\"statusName\":\"DELIVERED\"")
                .containsPattern("\"status\":4,\"statusName\":\"FAILED\"[^}]*\"anomaly\":true");
    }

    @Test
    void aReceiptArrivingBeforeItsSentIsParkedAndAppliedWhenTheSentArrives() {
        var run = "parked";
        var id = Traffic.messageId(run, 1);
        send(Traffic.planned(run, 1),
                Traffic.receipt(Traffic.eventId(run, "receipt", 1), Provider.SPOTHIT, "sh-parked", Traffic.phone(1), Status.DELIVERED, Traffic.T0.plusSeconds(40), null));
        EventsStoreProbe.await(WAIT, "the receipt to be parked", () -> store.count("provider_receipts where event_id = '" + Traffic.eventId(run, "receipt", 1) + "'") == 1);
        assertThat(statusOf(id)).isEqualTo(Status.PENDING);

        send(Traffic.byMessage(Traffic.eventId(run, "sent", 1), id, Status.SENT, Traffic.T0.plusSeconds(10), "spothit-dispatcher", Provider.SPOTHIT, "sh-parked", Traffic.phone(1), 1));
        awaitHistory(id, 2);
        assertThat(statusOf(id)).isEqualTo(Status.DELIVERED);
    }

    @Test
    void aSpotHitReceiptWithoutANumberAppliesToEveryMessageOfThatCampaign() {
        var run = "campaign-wide";
        var ids = List.of(Traffic.messageId(run, 1), Traffic.messageId(run, 2), Traffic.messageId(run, 3));
        send(Traffic.planned(run, 1), Traffic.planned(run, 2), Traffic.planned(run, 3), Traffic.planned(run, 4));
        for (int n = 1; n <= 2; n++) {
            send(Traffic.byMessage(Traffic.eventId(run, "sent", n), Traffic.messageId(run, n), Status.SENT, Traffic.T0, "spothit-dispatcher", Provider.SPOTHIT, "sh-campaign", Traffic.phone(n), 1));
        }
        send(Traffic.byMessage(Traffic.eventId(run, "sent", 4), Traffic.messageId(run, 4), Status.SENT, Traffic.T0, "spothit-dispatcher", Provider.SPOTHIT, "sh-other", Traffic.phone(4), 1));
        send(Traffic.receipt(Traffic.eventId(run, "expired", 0), Provider.SPOTHIT, "sh-campaign", null, Status.EXPIRED, Traffic.T0.plusSeconds(90), "validity"));
        // The third message's SENT comes after the campaign's receipt: it gets it too.
        send(Traffic.byMessage(Traffic.eventId(run, "sent", 3), ids.get(2), Status.SENT, Traffic.T0, "spothit-dispatcher", Provider.SPOTHIT, "sh-campaign", Traffic.phone(3), 1));
        for (var id : ids) {
            awaitHistory(id, 2);
            assertThat(statusOf(id)).as(id).isEqualTo(Status.EXPIRED);
            assertThat(store.message(id).get("reason")).isEqualTo("validity");
        }
        awaitHistory(Traffic.messageId(run, 4), 1);
        assertThat(statusOf(Traffic.messageId(run, 4))).isEqualTo(Status.SENT);
    }

    @Test
    void aStatusBeforeItsPlannedMessageIsKeptAndThePlannedDetailsFillTheRow() {
        var run = "early-status";
        var id = Traffic.messageId(run, 1);
        send(Traffic.byMessage(Traffic.eventId(run, "sent", 1), id, Status.SENT, Traffic.T0.plusSeconds(5), "spothit-dispatcher", Provider.SPOTHIT, "sh-early", Traffic.phone(1), 1));
        awaitHistory(id, 1);
        send(Traffic.planned(run, 1));
        EventsStoreProbe.await(WAIT, "the planned details", () -> Boolean.TRUE.equals(store.message(id).get("planned")));

        var row = store.message(id);
        assertThat(Statuses.fromCode(((Number) row.get("status")).intValue())).isEqualTo(Status.SENT);
        assertThat(row.get("campaign_id")).isEqualTo(run + "-campaign-0");
        assertThat(row.get("body")).isEqualTo("Bonjour, message 1");
        assertThat(row.get("message_provider")).isEqualTo("spot_hit");
    }

    @Test
    void aReceiptForANumberWaitsForThePlannedMessageWhenItsSentNamedNoNumber() {
        var run = "sent-without-phone";
        var id = Traffic.messageId(run, 1);
        send(Traffic.byMessage(Traffic.eventId(run, "sent", 1), id, Status.SENT, Traffic.T0, "spothit-dispatcher", Provider.SPOTHIT, "sh-nophone", null, 1),
                Traffic.receipt(Traffic.eventId(run, "delivered", 1), Provider.SPOTHIT, "sh-nophone", Traffic.phone(1), Status.DELIVERED, Traffic.T0.plusSeconds(9), null));
        awaitHistory(id, 1);
        EventsStoreProbe.await(WAIT, "the receipt to be parked", () -> store.count("provider_receipts where event_id = '" + Traffic.eventId(run, "delivered", 1) + "'") == 1);
        assertThat(statusOf(id)).isEqualTo(Status.SENT);

        send(Traffic.planned(run, 1));
        awaitHistory(id, 2);
        assertThat(statusOf(id)).isEqualTo(Status.DELIVERED);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheProjectionGoesOn() throws Exception {
        var run = "malformed";
        var id = Traffic.messageId(run, 1);
        try (var deadLetters = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.STATUS))) {
            producer.sendRaw(Topics.STATUS, id, "not an event".getBytes(StandardCharsets.UTF_8));
            send(Traffic.planned(run, 1),
                    Traffic.byMessage(Traffic.eventId(run, "in-progress", 1), id, Status.IN_PROGRESS, Traffic.T0, "scheduler-service", null, null, null, null));

            var dead = deadLetters.awaitRecords(1, WAIT);
            assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
            awaitHistory(id, 1);
            assertThat(statusOf(id)).isEqualTo(Status.IN_PROGRESS);
        }
    }

    @Test
    void aClickCountsOncePerEvent() {
        var run = "clicks";
        var id = Traffic.messageId(run, 1);
        send(Traffic.planned(run, 1), Traffic.click(run, 1, 1), Traffic.click(run, 1, 1), Traffic.click(run, 1, 2), Traffic.click(run, 1, 1));
        EventsStoreProbe.await(WAIT, "two clicks", () -> store.count("link_clicks where message_id = '" + id + "'") == 2);
        store.awaitCaughtUp(WAIT);
        assertThat(store.message(id).get("clicks")).isEqualTo(2);
    }

    @Test
    void aircallMessagesFollowTheirStatusAndInboundRepliesAreRecorded() throws Exception {
        var run = "aircall";
        var id = Traffic.messageId(run, 9);
        var aircallId = Traffic.aircallId(run, 9);
        send(Traffic.planned(run, 9),
                Traffic.byMessage(Traffic.eventId(run, "sent", 9), id, Status.SENT, Traffic.T0, "aircall-dispatcher", Provider.AIRCALL, aircallId, Traffic.phone(9), 1),
                new Traffic.Sent(Topics.AIRCALL_MESSAGES, aircallId, AircallMessageRecorded.newBuilder().setEventId(Traffic.eventId(run, "recorded", 9))
                        .setOccurredAt(Traffic.T0).setAircallMessageId(aircallId).setMessageId(id).setParentId("parent-9").setCallerId("s-9")
                        .setNumberId("123").setPhone(Traffic.phone(9)).setBody("Bonjour").build()));
        EventsStoreProbe.await(WAIT, "the outbound aircall message", () -> store.count("aircall_messages where aircall_id = '" + aircallId + "' and status = 'sent'") == 1);
        send(Traffic.receipt(Traffic.eventId(run, "delivered", 9), Provider.AIRCALL, aircallId, null, Status.DELIVERED, Traffic.T0.plusSeconds(5), null),
                new Traffic.Sent(Topics.INBOUND, Traffic.phone(9), InboundMessage.newBuilder().setEventId(Traffic.eventId(run, "reply", 9))
                        .setOccurredAt(Traffic.T0.plusSeconds(60)).setProvider(Provider.AIRCALL).setPhone(Traffic.phone(9)).setBody("Merci")
                        .setKind(InboundKind.REPLY).setProviderMessageId(run + "-in-1").setAircallNumberId("123").build()),
                new Traffic.Sent(Topics.INBOUND, Traffic.phone(8), InboundMessage.newBuilder().setEventId(Traffic.eventId(run, "stop", 8))
                        .setOccurredAt(Traffic.T0.plusSeconds(61)).setProvider(Provider.SPOTHIT).setPhone(Traffic.phone(8)).setBody("STOP")
                        .setKind(InboundKind.STOP).build()),
                new Traffic.Sent(Topics.OPTOUTS, Traffic.phone(8), OptOut.newBuilder().setEventId(Traffic.eventId(run, "optout", 8))
                        .setOccurredAt(Traffic.T0.plusSeconds(61)).setPhone(Traffic.phone(8)).setProvider(Provider.SPOTHIT).build()),
                new Traffic.Sent(Topics.AIRCALL_CALLS, "call-1", AircallCallEvent.newBuilder().setEventId(Traffic.eventId(run, "call", 1))
                        .setOccurredAt(Traffic.T0).setCallId("call-1").setEvent("call.ended").setDurationSeconds(300).build()));
        EventsStoreProbe.await(WAIT, "the delivered aircall message", () -> store.count("aircall_messages where aircall_id = '" + aircallId + "' and status = 'delivered' and direction = 'outbound'") == 1);
        EventsStoreProbe.await(WAIT, "the inbound aircall message", () -> store.count("aircall_messages where aircall_id = '" + run + "-in-1' and status = 'received' and direction = 'inbound'") == 1);
        EventsStoreProbe.await(WAIT, "the opt-out and the call", () -> store.count("opt_outs where phone = '" + Traffic.phone(8) + "'") == 1
                && store.count("aircall_calls where call_id = 'call-1'") == 1);
        assertThat(statusOf(id)).isEqualTo(Status.DELIVERED);

        var stops = get("/api/v1/inbound?kind=STOP&page=0&size=10");
        assertThat(stops.statusCode()).isEqualTo(200);
        assertThat(stops.body()).contains("\"kind\":\"STOP\"").doesNotContain("\"kind\":\"REPLY\"");
        var all = get("/api/v1/inbound?page=0&size=1");
        assertThat(all.body()).contains("\"totalItems\":2").contains("\"size\":1");
    }

    @Test
    void aCampaignShowsItsSpotHitMessagesInProgressUntilTheirCallIsSettled() throws Exception {
        var run = "in-call";
        // As the spothit-dispatcher announces them: IN_PROGRESS for each message entering a call
        // (no attempts yet), then SENT for the call that came back; the other call is still under way.
        send(Traffic.planned(run, 1), Traffic.planned(run, 2), Traffic.planned(run, 3),
                Traffic.byMessage(Traffic.eventId(run, "in-progress", 1), Traffic.messageId(run, 1), Status.IN_PROGRESS, Traffic.T0.plusSeconds(1), "spothit-dispatcher", Provider.SPOTHIT, null, Traffic.phone(1), null),
                Traffic.byMessage(Traffic.eventId(run, "in-progress", 2), Traffic.messageId(run, 2), Status.IN_PROGRESS, Traffic.T0.plusSeconds(1), "spothit-dispatcher", Provider.SPOTHIT, null, Traffic.phone(2), null),
                Traffic.byMessage(Traffic.eventId(run, "sent", 1), Traffic.messageId(run, 1), Status.SENT, Traffic.T0.plusSeconds(2), "spothit-dispatcher", Provider.SPOTHIT, "sh-in-call", Traffic.phone(1), 1));
        awaitHistory(Traffic.messageId(run, 1), 2);
        awaitHistory(Traffic.messageId(run, 2), 1);

        var campaign = get("/api/v1/campaigns/" + run + "-campaign-0");
        assertThat(campaign.statusCode()).isEqualTo(200);
        assertThat(campaign.body()).contains("\"total\":3").contains("\"PENDING\":1").contains("\"IN_PROGRESS\":1").contains("\"SENT\":1")
                .contains("{\"provider\":\"spot_hit\",\"status\":3,\"statusName\":\"IN_PROGRESS\",\"messages\":1}");

        // A redelivered poll announces IN_PROGRESS again after SENT: the order 0 → 3 → 2 keeps SENT.
        send(Traffic.byMessage(Traffic.eventId(run, "in-progress-again", 1), Traffic.messageId(run, 1), Status.IN_PROGRESS, Traffic.T0.plusSeconds(3), "spothit-dispatcher", Provider.SPOTHIT, null, Traffic.phone(1), null));
        awaitHistory(Traffic.messageId(run, 1), 3);
        assertThat(statusOf(Traffic.messageId(run, 1))).isEqualTo(Status.SENT);
        assertThat(get("/api/v1/campaigns/" + run + "-campaign-0").body()).contains("\"IN_PROGRESS\":1").contains("\"SENT\":1");
    }

    @Test
    void theQueryApiAnswersCampaignsAndParentsAndRefusesBadInputWithProblems() throws Exception {
        var run = "queries";
        send(Traffic.planned(run, 1), Traffic.planned(run, 2), Traffic.planned(run, 9),
                Traffic.byMessage(Traffic.eventId(run, "failed", 2), Traffic.messageId(run, 2), Status.FAILED, Traffic.T0, "scheduler-service", null, null, null, null));
        awaitHistory(Traffic.messageId(run, 2), 1);
        // The three plans may be projected in other batches than the FAILED (other partitions): all three are awaited.
        EventsStoreProbe.await(WAIT, "the campaign's three messages", () -> store.count("text_message_events where message_id in ('"
                + Traffic.messageId(run, 1) + "', '" + Traffic.messageId(run, 2) + "', '" + Traffic.messageId(run, 9) + "')") == 3);

        var campaign = get("/api/v1/campaigns/" + run + "-campaign-0");
        assertThat(campaign.statusCode()).isEqualTo(200);
        assertThat(campaign.body()).contains("\"total\":3").contains("\"PENDING\":2").contains("\"FAILED\":1")
                .contains("{\"provider\":\"aircall\",\"status\":0,\"statusName\":\"PENDING\",\"messages\":1}");
        var parent = get("/api/v1/parents/parent-2/messages?size=5");
        assertThat(parent.statusCode()).isEqualTo(200);
        assertThat(parent.body()).contains(Traffic.messageId(run, 2)).contains("\"totalItems\":1");

        var unknown = get("/api/v1/messages/" + Traffic.messageId(run, 404));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/messages/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/campaigns/nobody").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/parents/parent-2/messages?size=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/parents/parent-2/messages?page=-1").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/inbound?size=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/inbound?kind=SPAM").statusCode()).isEqualTo(400);
    }

    @Test
    void prometheusShowsMessagesByProviderAndStatusLatenciesEventsAnomaliesAndLag() throws Exception {
        var run = "metrics";
        var id = Traffic.messageId(run, 1);
        send(Traffic.planned(run, 1),
                Traffic.byMessage(Traffic.eventId(run, "sent", 1), id, Status.SENT, Traffic.T0.plusSeconds(90), "spothit-dispatcher", Provider.SPOTHIT, "sh-metrics", Traffic.phone(1), 1),
                Traffic.receipt(Traffic.eventId(run, "delivered", 1), Provider.SPOTHIT, "sh-metrics", Traffic.phone(1), Status.DELIVERED, Traffic.T0.plusSeconds(95), null));
        awaitHistory(id, 2);
        EventsStoreProbe.await(WAIT, "the messages gauge", () -> metric("missive_tracker_messages") > 0);

        var body = get("/actuator/prometheus").body();
        assertThat(body)
                .containsPattern("missive_tracker_messages\\{[^}]*provider=\"spot_hit\"[^}]*status=\"DELIVERED\"")
                .containsPattern("missive_tracker_events_applied_total\\{[^}]*type=\"StatusUpdated\"")
                .contains("missive_tracker_status_anomalies_total")
                .containsPattern("missive_tracker_planned_to_sent_seconds_bucket\\{")
                .containsPattern("missive_tracker_sent_to_delivered_seconds_bucket\\{")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(metric("missive_tracker_sent_to_delivered_seconds_count")).isGreaterThan(0);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        var run = "redelivered";
        var batch = new java.util.ArrayList<SpecificRecord>();
        for (int n = 0; n < 20; n++) {
            batch.add(Traffic.planned(run, n).event());
            Traffic.lifecycle(run, n).forEach(sent -> batch.add(sent.event()));
            batch.add(Traffic.click(run, n, 1).event());
        }
        var first = projection.apply(batch);
        assertThat(first.appliedTotal()).isEqualTo(20 * 7);
        var before = store.dump();

        var again = projection.apply(batch);
        assertThat(again.appliedTotal()).isZero();
        assertThat(again.duplicates()).isEqualTo(batch.size());
        assertThat(store.dump()).isEqualTo(before);
    }

    private Status statusOf(String messageId) {
        return Statuses.fromCode(((Number) store.message(messageId).get("status")).intValue());
    }

    private void send(Traffic.Sent... events) {
        for (var event : events) {
            event.sendWith(producer);
        }
        producer.flush();
    }

    private void awaitHistory(String messageId, int transitions) {
        EventsStoreProbe.await(WAIT, transitions + " transitions of " + messageId,
                () -> store.count("status_history where message_id = '" + messageId + "'") >= transitions);
    }

    private double metric(String name) {
        try {
            var body = get("/actuator/prometheus").body();
            var matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(body);
            return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
        } catch (Exception e) {
            throw new AssertionError(e);
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

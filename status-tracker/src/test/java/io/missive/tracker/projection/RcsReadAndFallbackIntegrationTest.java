package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Channel;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.Statuses;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RCS receipts as the gateway publishes them (campaign id + phone, READ, fallback), joined by the tracker
 * and shown on the campaign: READ after DELIVERED, READ before DELIVERED, duplicates, READ against a
 * failure, a receipt for a phone not in the campaign (docs/decisions/0012).
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RcsReadAndFallbackIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = "rcs";
    private static final String CAMPAIGN = "sh-rcs-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    EventsStoreProbe store;
    TestProducer producer;

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
    void readAndFallbackReceiptsReachTheirMessagesAndTheCampaignCountsThem() throws Exception {
        for (int n = 1; n <= 4; n++) {
            send(Traffic.planned(RUN, n), sent(n));
        }
        var at = Traffic.T0.plusSeconds(100);
        // 1: delivered then read, the READ delivered twice (the provider retried its callback).
        send(receipt("d1", 1, Status.DELIVERED, at, false), receipt("r1", 1, Status.READ, at.plusSeconds(5), false),
                receipt("r1", 1, Status.READ, at.plusSeconds(5), false));
        // 2: READ before DELIVERED (reordered): READ stays, the late DELIVERED is history, not an anomaly.
        send(receipt("r2", 2, Status.READ, at.plusSeconds(9), false));
        awaitHistory(2, 2);
        send(receipt("d2", 2, Status.DELIVERED, at.plusSeconds(3), false));
        // 3: no RCS on that phone: delivered by SMS fallback.
        send(receipt("f3", 3, Status.DELIVERED, at, true));
        // 4: failed, then a READ that contradicts it.
        send(receipt("x4", 4, Status.FAILED, at, false));
        awaitHistory(4, 2);
        send(receipt("r4", 4, Status.READ, at.plusSeconds(1), false));
        // A phone the campaign does not hold: parked, nothing moves.
        send(new Traffic.Sent(Topics.STATUS, CAMPAIGN, rcsReceipt("stranger", "+33799999999", Status.READ, at, false)));

        awaitHistory(1, 3);
        awaitHistory(2, 3);
        awaitHistory(3, 2);
        awaitHistory(4, 3);
        assertThat(statusOf(1)).isEqualTo(Status.READ);
        assertThat(store.message(Traffic.messageId(RUN, 1)).get("read_at")).isNotNull();
        assertThat(store.count("status_history where message_id = '" + Traffic.messageId(RUN, 1) + "'"))
                .as("the duplicated READ is kept once").isEqualTo(3);
        assertThat(statusOf(2)).isEqualTo(Status.READ);
        assertThat(store.message(Traffic.messageId(RUN, 2)).get("delivered_at")).as("the late DELIVERED still counts").isNotNull();
        assertThat(store.count("status_history where anomaly and message_id = '" + Traffic.messageId(RUN, 2) + "'")).isZero();
        assertThat(statusOf(3)).isEqualTo(Status.DELIVERED);
        assertThat(store.message(Traffic.messageId(RUN, 3)).get("fallback")).isEqualTo(true);
        assertThat(statusOf(4)).isEqualTo(Status.FAILED);
        assertThat(store.count("status_history where anomaly and message_id = '" + Traffic.messageId(RUN, 4) + "'")).isEqualTo(1);
        EventsStoreProbe.await(WAIT, "the stranger's receipt parked",
                () -> store.count("provider_receipts where phone = '+33799999999'") == 1);

        var campaign = get("/api/v1/campaigns/" + RUN + "-campaign-0");
        assertThat(campaign.statusCode()).isEqualTo(200);
        assertThat(campaign.body()).contains("\"delivered\":3", "\"read\":2", "\"fallback\":1", "\"readRate\":0.666",
                "\"READ\":2", "\"RCS_BASIC\":4");
        assertThat(store.campaignCounters()).as("the counters by channel and fallback, against the messages")
                .isEqualTo(store.campaignCountsOfMessages());
        var message = get("/api/v1/messages/" + Traffic.messageId(RUN, 3));
        assertThat(message.body()).contains("\"channel\":\"RCS_BASIC\"", "\"fallback\":true");
    }

    private Traffic.Sent sent(int n) {
        var event = StatusUpdated.newBuilder().setEventId(Traffic.eventId(RUN, "sent", n)).setOccurredAt(Traffic.T0.plusSeconds(n))
                .setMessageId(Traffic.messageId(RUN, n)).setProvider(Provider.SPOTHIT).setProviderMessageId(CAMPAIGN)
                .setPhone(Traffic.phone(n)).setStatus(Status.SENT).setSource("spothit-dispatcher").setAttempts(1)
                .setChannel(Channel.RCS_BASIC).build();
        return new Traffic.Sent(Topics.STATUS, Traffic.messageId(RUN, n), event);
    }

    private Traffic.Sent receipt(String what, int n, Status status, Instant at, boolean fallback) {
        return new Traffic.Sent(Topics.STATUS, CAMPAIGN, rcsReceipt(Traffic.eventId(RUN, what, n), Traffic.phone(n), status, at, fallback));
    }

    private static StatusUpdated rcsReceipt(String eventId, String phone, Status status, Instant at, boolean fallback) {
        return StatusUpdated.newBuilder().setEventId(eventId).setOccurredAt(at).setProvider(Provider.SPOTHIT)
                .setProviderMessageId(CAMPAIGN).setPhone(phone).setStatus(status).setSource("spothit-rcs")
                .setFallback(fallback).build();
    }

    private Status statusOf(int n) {
        return Statuses.fromCode(((Number) store.message(Traffic.messageId(RUN, n)).get("status")).intValue());
    }

    private void send(Traffic.Sent... events) {
        for (var event : events) {
            event.sendWith(producer);
        }
        producer.flush();
    }

    private void awaitHistory(int n, int transitions) {
        var id = Traffic.messageId(RUN, n);
        EventsStoreProbe.await(WAIT, transitions + " transitions of " + id,
                () -> store.count("status_history where message_id = '" + id + "'") >= transitions);
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

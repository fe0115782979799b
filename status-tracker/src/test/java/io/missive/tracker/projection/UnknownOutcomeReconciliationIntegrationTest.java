package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.MessagePlanned;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.Statuses;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A SpotHit call whose answer never came (FAILED UNKNOWN_OUTCOME, naming its call) is reconciled from
 * the receipts SpotHit sends for it, through Kafka and PostgreSQL (decision 0504).
 */
@RealInfrastructure
@SpringBootTest(properties = {
        "missive.tracker.reconciliation.grace=1s",
        "missive.tracker.reconciliation.interval=200ms"})
class UnknownOutcomeReconciliationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate jdbc;

    EventsStoreProbe store;
    TestProducer producer;
    Instant now;
    final Map<String, String> phones = new HashMap<>();

    @BeforeEach
    void open(TestNamespace namespace) {
        this.store = new EventsStoreProbe(jdbc, namespace);
        this.producer = new TestProducer(namespace);
        this.now = Instant.now();
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void aHeldCallsMessagesAdoptTheCampaignTheirReceiptsNameAndTakeTheirStatus() {
        var run = "held-call";
        var delivered = planned(run, 1, Traffic.phone(9_001));
        var failed = planned(run, 2, Traffic.phone(9_002));
        var silent = planned(run, 3, Traffic.phone(9_003));
        // Receipts first: SpotHit delivered before the dispatcher's call timed out.
        send(receipt("r1", "sh-held", Traffic.phone(9_001), Status.DELIVERED, null),
                receipt("r2", "sh-held", Traffic.phone(9_002), Status.FAILED, "SPOTHIT_STATUS_4"));
        for (var id : List.of(delivered, failed, silent)) {
            send(unknownOutcome(id, "call-1"));
        }

        EventsStoreProbe.await(WAIT, "the held call reconciled", () -> statusOf(delivered) == Status.DELIVERED
                && statusOf(failed) == Status.FAILED && "sh-held".equals(store.message(failed).get("spot_hit_message_id")));

        var row = store.message(delivered);
        assertThat(row.get("spot_hit_message_id")).isEqualTo("sh-held");
        assertThat(row.get("finished_at")).isNotNull();
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(history(delivered)).extracting(h -> h.get("status") + " " + h.get("source"))
                .containsExactlyInAnyOrder("4 spothit-dispatcher", "2 " + Transition.RECONCILIATION, "1 spothit");
        assertThat(store.message(failed).get("reason")).isEqualTo("SPOTHIT_STATUS_4");
        // No receipt: it stays what the dispatcher said.
        assertThat(statusOf(silent)).isEqualTo(Status.FAILED);
        assertThat(store.message(silent).get("reason")).isEqualTo("UNKNOWN_OUTCOME");
        assertThat(store.message(silent).get("spot_hit_message_id")).isNull();
        assertThat(history(delivered)).noneMatch(h -> Boolean.TRUE.equals(h.get("anomaly")));

        // A receipt that comes later for the call's campaign applies as to any message.
        send(receipt("r3", "sh-held", Traffic.phone(9_003), Status.EXPIRED, "SPOTHIT_STATUS_5"));
        EventsStoreProbe.await(WAIT, "the late receipt reconciled", () -> statusOf(silent) == Status.EXPIRED);
    }

    @Test
    void aReceiptOfARegularCampaignGoesToItsOwnMessageNotToAnUnknownOutcomeWithTheSameNumber() {
        var run = "regular";
        var phone = Traffic.phone(9_100);
        var inDoubt = planned(run, 1, phone);
        var regular = planned(run, 2, phone);
        send(unknownOutcome(inDoubt, "call-2"),
                Traffic.byMessage("sent-regular", regular, Status.SENT, now, "spothit-dispatcher", Provider.SPOTHIT,
                        "sh-regular", phone, 1),
                receipt("r-regular", "sh-regular", phone, Status.DELIVERED, null));

        EventsStoreProbe.await(WAIT, "the regular message delivered", () -> statusOf(regular) == Status.DELIVERED);
        store.awaitCaughtUp(WAIT);
        // Beyond the grace and a few reconciliation rounds: still nothing for the message in doubt.
        EventsStoreProbe.await(WAIT, "a reconciliation round past the grace", () -> jdbc.queryForObject(
                "select count(*) from tracker.provider_receipts where event_id = 'r-regular' and received_at < now() - interval '2 seconds'",
                Integer.class) == 1);
        assertThat(statusOf(inDoubt)).isEqualTo(Status.FAILED);
        assertThat(store.message(inDoubt).get("spot_hit_message_id")).isNull();
    }

    @Test
    void aNumberInTwoCallsInDoubtIsReconciledOnlyOnceItsCallIsKnown() {
        var run = "two-calls";
        var shared = Traffic.phone(9_200);
        var inA = planned(run, 1, shared);
        var inB = planned(run, 2, shared);
        var onlyInA = planned(run, 3, Traffic.phone(9_201));
        send(unknownOutcome(inA, "call-a"), unknownOutcome(inB, "call-b"),
                receipt("ra-shared", "sh-a", shared, Status.DELIVERED, null));
        store.awaitCaughtUp(WAIT);
        EventsStoreProbe.await(WAIT, "a reconciliation round past the grace", () -> jdbc.queryForObject(
                "select count(*) from tracker.provider_receipts where event_id = 'ra-shared' and received_at < now() - interval '2 seconds'",
                Integer.class) == 1);
        assertThat(statusOf(inA)).as("two calls could own it").isEqualTo(Status.FAILED);
        assertThat(statusOf(inB)).isEqualTo(Status.FAILED);

        send(unknownOutcome(onlyInA, "call-a"), receipt("ra-only", "sh-a", Traffic.phone(9_201), Status.DELIVERED, null));

        EventsStoreProbe.await(WAIT, "call-a reconciled", () -> statusOf(onlyInA) == Status.DELIVERED && statusOf(inA) == Status.DELIVERED);
        assertThat(statusOf(inB)).isEqualTo(Status.FAILED);
        assertThat(store.message(inB).get("reason")).isEqualTo("UNKNOWN_OUTCOME");
    }

    private String planned(String run, int n, String phone) {
        var messageId = Traffic.messageId(run, n);
        phones.put(messageId, phone);
        producer.sendAsync(Topics.PLANNED, messageId, MessagePlanned.newBuilder()
                .setEventId(Traffic.eventId(run, "planned", n)).setOccurredAt(now).setMessageId(messageId)
                .setCampaignId(run + "-campaign").setParentId("parent-" + n).setChildId("child-" + n).setPhone(phone)
                .setProvider(Provider.SPOTHIT).setBody("Bonjour " + n).setSegments(1).setEncoding("GSM7").setPlannedAt(now)
                .setLinkCode("L" + n).setQuitMessage(false).build());
        return messageId;
    }

    private Traffic.Sent unknownOutcome(String messageId, String callId) {
        return new Traffic.Sent(Topics.STATUS, messageId, StatusUpdated.newBuilder()
                .setEventId("failed-" + messageId).setOccurredAt(now.plusSeconds(5)).setMessageId(messageId)
                .setProvider(Provider.SPOTHIT).setPhone(phones.get(messageId)).setStatus(Status.FAILED)
                .setReason("UNKNOWN_OUTCOME").setSource("spothit-dispatcher").setAttempts(1).setCallId(callId).build());
    }

    private Traffic.Sent receipt(String eventId, String campaign, String phone, Status status, @Nullable String reason) {
        return Traffic.receipt(eventId, Provider.SPOTHIT, campaign, phone, status, now.plusSeconds(2), reason);
    }

    private void send(Traffic.Sent... events) {
        for (var event : events) {
            event.sendWith(producer);
        }
        producer.flush();
    }

    /** The message's status, or null while the tracker has no row for it yet. */
    private @Nullable Status statusOf(String messageId) {
        var codes = jdbc.queryForList("select status from tracker.text_message_events where message_id = ?", Integer.class, messageId);
        return codes.isEmpty() ? null : Statuses.fromCode(codes.getFirst());
    }

    private List<Map<String, Object>> history(String messageId) {
        return jdbc.queryForList("select status, source, anomaly from tracker.status_history where message_id = ? order by occurred_at",
                messageId);
    }
}

package io.missive.aircall.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.events.ErasureConfirmed;
import io.missive.events.ParentErased;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.data.SampleEvents;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A parent's erasure in the Aircall ledger: a message waiting for its next attempt is failed ERASED (the announcer
 * publishes it), every row of the parent is redacted, and the dispatcher confirms; finished rows are purged later.
 */
@RealInfrastructure
@SpringBootTest
@TestPropertySource(properties = {
        "AIRCALL_ENABLED=true", "AIRCALL_MESSAGE_ENABLED=true",
        "AIRCALL_API_ID=test-id", "AIRCALL_API_TOKEN=test-token", "AIRCALL_BASE_URL=http://localhost:9"})
class AircallLedgerErasureIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aWaitingMessageOfAnErasedParentIsFailedAndTheirRowsRedactedThenFinishedRowsArePurged(TestNamespace namespace) {
        ledgerRow("a-pending", "pa-1", "+33699000001", "PENDING");
        ledgerRow("a-sent", "pa-1", "+33699000001", "SENT");
        ledgerRow("a-other", "pa-2", "+33699000002", "PENDING");
        // The insight cards' copy of the directory knows the parent and their child too (decision 0304).
        jdbc.update("insert into directory_parent (parent_id, phone, first_name) values ('pa-1', '+33699000001', 'Ysolde')");
        jdbc.update("insert into directory_child (child_id, parent_id, first_name) values ('ch-1', 'pa-1', 'Zoé')");

        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var erasures = KafkaProbe.fromNow(namespace, Topics.ERASURES);
             var producer = new TestProducer(namespace)) {
            producer.send(Topics.COMMANDS, "erasure-ac", ParentErased.newBuilder().setEventId("erasure-ac").setOccurredAt(Instant.now())
                    .setErasureId("erasure-ac").setParentId("pa-1").setPhones(List.of("+33699000001")).setAuthor("dpo").setReason("asked").build());

            var confirmed = erasures.awaitEvent(ErasureConfirmed.class, e -> e.getErasureId().equals("erasure-ac"), WAIT);
            assertThat(confirmed.getService()).isEqualTo("aircall-dispatcher");
            assertThat(confirmed.getRemoved()).containsEntry("dispatch_ledger (cancelled)", 1L).containsEntry("dispatch_ledger", 2L);
            var failed = status.awaitEvent(StatusUpdated.class, e -> "a-pending".equals(e.getMessageId()), WAIT);
            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getReason()).isEqualTo("ERASED");

            // A request for the parent still in Kafka when the erasure landed: failed ERASED, kept without phone or body.
            var late = SampleEvents.messageRequested(Provider.AIRCALL, "c-late", "+33699000001", "Bonjour Ysolde")
                    .setParentId("pa-1").setAircallNumberId("42").build();
            producer.send(Topics.AIRCALL_REQUESTED, late.getMessageId(), late);
            var lateOutcome = status.awaitEvent(StatusUpdated.class, e -> late.getMessageId().equals(e.getMessageId()), WAIT);
            assertThat(lateOutcome.getStatus() + " " + lateOutcome.getReason()).isEqualTo("FAILED ERASED");
            assertThat(lateOutcome.getPhone()).as("the announcement names nobody").isNullOrEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from dispatch_ledger where parent_id = 'pa-1' or phone = '+33699000001' "
                + "or body like '%Ysolde%'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select (select count(*) from directory_parent where parent_id = 'pa-1') "
                + "+ (select count(*) from directory_child where parent_id = 'pa-1')", Integer.class)).as("the parent and child in the directory copy").isZero();
        assertThat(jdbc.queryForObject("select body from dispatch_ledger where message_id = 'a-other'", String.class)).isEqualTo("Bonjour Zoé");

        assertThat(jdbc.queryForObject("select count(*) from erased_phones", Integer.class)).as("the phone's hash only").isEqualTo(1);
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from dispatch_ledger where campaign_id = 'c-late' and announced_version >= version", Integer.class) == 1);

        assertThat(purgeAt(Duration.ofDays(179))).containsEntry("message_bodies", 0L);
        assertThat(purgeAt(Duration.ofDays(181)).get("message_bodies")).as("a-pending, a-sent and the late one").isEqualTo(3L);
        assertThat(jdbc.queryForList("select message_id from dispatch_ledger where message_id like 'a-%'", String.class))
                .as("a message still waiting stays").containsExactly("a-other");
    }

    private Map<String, Long> purgeAt(Duration ahead) {
        return new RetentionPurge(jdbc, LedgerErasure.retention(RetentionProperties.defaults()), Clock.offset(Clock.systemUTC(), ahead),
                1, Duration.ZERO, meters, LedgerErasure.SERVICE).run();
    }

    private void ledgerRow(String messageId, String parentId, String phone, String state) {
        jdbc.update("""
                insert into dispatch_ledger (message_id, campaign_id, phone, body, parent_id, state, next_attempt_at, received_at, updated_at,
                    version, announced_version)
                values (?, 'c-ac', ?, ?, ?, ?, now() + interval '1 day', now(), now(), 0, 0)""",
                messageId, phone, parentId.equals("pa-1") ? "Bonjour Ysolde" : "Bonjour Zoé", parentId, state);
    }
}

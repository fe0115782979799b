package io.missive.gateway.erasure;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.events.ErasureConfirmed;
import io.missive.events.MessagePlanned;
import io.missive.events.OptOut;
import io.missive.events.ParentErased;
import io.missive.events.Provider;
import io.missive.gateway.GatewayClientTest;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parent's erasure at the gateway: their links stop redirecting, their STOP moves to the phone's hash on the
 * compacted topic (still honoured), and the gateway confirms; links older than their retention are purged.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class GatewayErasureIntegrationTest extends GatewayClientTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PHONE = "+33671000077";

    @Autowired
    KafkaOptOutSet optOutSet;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void anErasedParentsLinksGoAndTheirStopIsKeptOnlyAsTheHashOfThePhone(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace);
             var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS);
             var erasures = KafkaProbe.fromNow(namespace, Topics.ERASURES)) {
            producer.send(Topics.PLANNED, "m-erased", planned("m-erased", "pe-1", "Ab3dE6gH"));
            producer.send(Topics.PLANNED, "m-kept", planned("m-kept", "pe-2", "Zy9xW8vU"));
            await().atMost(WAIT).until(() -> http.get("/r/Ab3dE6gH").statusCode() == 302 && http.get("/r/Zy9xW8vU").statusCode() == 302);
            assertThat(http.get("/spot_hit/stop" + query("numero", "06 71 00 00 77", "id", "stop-77")).statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> optOutSet.optedOut(PHONE));

            producer.send(Topics.COMMANDS, "erasure-77", ParentErased.newBuilder().setEventId("erasure-77").setOccurredAt(Instant.now())
                    .setErasureId("erasure-77").setParentId("pe-1").setPhones(List.of(PHONE)).setAuthor("dpo").setReason("asked").build());

            var confirmed = erasures.awaitEvent(ErasureConfirmed.class, e -> e.getErasureId().equals("erasure-77"), WAIT);
            assertThat(confirmed.getService()).isEqualTo("webhook-gateway");
            assertThat(confirmed.getRemoved()).containsEntry("tracked_link", 1L).containsEntry("missive.optouts (moved to hash)", 1L);
            assertThat(http.get("/r/Ab3dE6gH").statusCode()).isEqualTo(404);
            assertThat(http.get("/r/Zy9xW8vU").statusCode()).isEqualTo(302);

            var hashed = optOuts.awaitEvent(OptOut.class, o -> o.getPhone().equals(PhoneHash.of(PHONE)), WAIT);
            assertThat(hashed.getActive()).isTrue();
            await().atMost(WAIT).until(() -> optOuts.records().stream().anyMatch(r -> PHONE.equals(r.key()) && r.value() == null));
            var hashIndex = indexOf(optOuts, PhoneHash.of(PHONE), false);
            var tombstoneIndex = indexOf(optOuts, PHONE, true);
            assertThat(hashIndex).as("the hash is written before the phone's tombstone").isLessThan(tombstoneIndex);
            assertThat(optOutSet.optedOut(PHONE)).as("the STOP outlives the erasure, found by the hash").isTrue();
            assertThat(jdbc.queryForObject("select count(*) from tracked_link where parent_id = 'pe-1'", Integer.class)).isZero();
        }
    }

    @Test
    void linksOlderThanTheirRetentionArePurgedAndTheRestStay(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace)) {
            producer.send(Topics.PLANNED, "m-old", planned("m-old", "po-1", "0ld1ink0"));
            await().atMost(WAIT).until(() -> http.get("/r/0ld1ink0").statusCode() == 302);
        }
        var purge = new RetentionPurge(jdbc, GatewayErasure.retention(RetentionProperties.defaults()),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(179)), 1, Duration.ZERO, meters, GatewayErasure.SERVICE);
        assertThat(purge.run()).containsEntry("links", 0L);
        assertThat(http.get("/r/0ld1ink0").statusCode()).isEqualTo(302);
        var later = new RetentionPurge(jdbc, GatewayErasure.retention(RetentionProperties.defaults()),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(181)), 1, Duration.ZERO, meters, GatewayErasure.SERVICE);
        assertThat(later.run().get("links")).isGreaterThanOrEqualTo(1L);
        assertThat(http.get("/r/0ld1ink0").statusCode()).isEqualTo(404);
        assertThat(later.run()).containsEntry("links", 0L);
    }

    private static int indexOf(KafkaProbe probe, String key, boolean tombstone) {
        var records = probe.records();
        for (int i = 0; i < records.size(); i++) {
            if (key.equals(records.get(i).key()) && (records.get(i).value() == null) == tombstone) {
                return i;
            }
        }
        return -1;
    }

    private static MessagePlanned planned(String messageId, String parentId, String code) {
        return MessagePlanned.newBuilder().setEventId("planned-" + messageId).setOccurredAt(Instant.now()).setMessageId(messageId)
                .setCampaignId("c-erasure").setParentId(parentId).setPhone(PHONE).setProvider(Provider.SPOTHIT).setBody("Bonjour")
                .setSegments(1).setEncoding("GSM7").setPlannedAt(Instant.now()).setLinkCode(code)
                .setRedirectionUrl("https://example.org/video").build();
    }
}

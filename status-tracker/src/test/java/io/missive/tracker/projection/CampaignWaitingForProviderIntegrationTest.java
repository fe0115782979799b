package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.query.CampaignSummary;
import io.missive.tracker.query.EventsStoreQueries;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** While SpotHit is down, the campaign view shows how many messages wait and when they are tried next (decision 0205). */
@RealInfrastructure
@SpringBootTest
class CampaignWaitingForProviderIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventsStoreQueries queries;

    TestProducer producer;

    @BeforeEach
    void open(TestNamespace namespace) {
        this.producer = new TestProducer(namespace);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void parkedMessagesAndTheirNextAttemptShowInTheCampaignUntilTheyAreSent() {
        var run = "waiting";
        var campaign = run + "-campaign-0";
        for (int n = 0; n < 3; n++) {
            Traffic.planned(run, n).sendWith(producer);
            send(Traffic.messageId(run, n), "in-call-" + n, null, null);
        }
        // Messages 0 and 1 parked; message 1 announced again on its second park, later; the order read does not matter.
        send(Traffic.messageId(run, 1), "park-2-1", T0.plusSeconds(15), 2);
        send(Traffic.messageId(run, 0), "park-1-0", T0.plusSeconds(5), 1);
        send(Traffic.messageId(run, 1), "park-1-1", T0.plusSeconds(5), 1);
        producer.flush();

        EventsStoreProbe.await(WAIT, "two messages waiting", () -> waiting(campaign).messages() == 2);
        assertThat(waiting(campaign).nextAttemptAt()).as("the earliest next attempt announced").isEqualTo(T0.plusSeconds(5));
        assertThat(jdbc.queryForObject("select next_attempt_at from tracker.text_message_events where message_id = ?",
                java.sql.Timestamp.class, Traffic.messageId(run, 1)).toInstant()).as("the latest park wins").isEqualTo(T0.plusSeconds(15));

        // SpotHit is back: message 0 is sent, it no longer waits.
        Traffic.byMessage("sent-0", Traffic.messageId(run, 0), Status.SENT, T0.plusSeconds(6), "spothit-dispatcher",
                Provider.SPOTHIT, "sh-1", Traffic.phone(0), 3).sendWith(producer);
        producer.flush();
        EventsStoreProbe.await(WAIT, "one message waiting", () -> waiting(campaign).messages() == 1);
        assertThat(waiting(campaign).nextAttemptAt()).isEqualTo(T0.plusSeconds(15));
        assertThat(jdbc.queryForList("select message_id from tracker.waiting_messages", String.class))
                .as("the set of waiting messages: the sent one left it, message 2 never joined it")
                .containsExactly(Traffic.messageId(run, 1));
    }

    private CampaignSummary.ProviderWait waiting(String campaign) {
        return queries.campaign(campaign).map(CampaignSummary::waiting).orElse(new CampaignSummary.ProviderWait(0, null));
    }

    private void send(String messageId, String eventId, @Nullable Instant nextAttempt, @Nullable Integer parks) {
        var retrying = nextAttempt != null;
        producer.sendAsync(Topics.STATUS, messageId, StatusUpdated.newBuilder()
                .setEventId(eventId + "-" + messageId).setOccurredAt(T0).setMessageId(messageId).setProvider(Provider.SPOTHIT)
                .setStatus(Status.IN_PROGRESS).setReason(retrying ? "PROVIDER_UNAVAILABLE_RETRYING" : null)
                .setSource("spothit-dispatcher").setNextAttemptAt(nextAttempt).setAttempts(parks).build());
    }
}

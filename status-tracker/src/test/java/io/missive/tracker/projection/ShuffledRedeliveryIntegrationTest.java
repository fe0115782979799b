package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projection is a function of the set of events, not of their order or number: the same 10,000
 * status events (and their 2,000 planned messages), shuffled and each sent twice, end in exactly the
 * same table contents as sent once, in order.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ShuffledRedeliveryIntegrationTest {

    private static final int MESSAGES = 2_000;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shuffledAndDuplicatedEventsEndInTheSameTablesAsOrderedOnes(TestNamespace namespace) {
        var store = new EventsStoreProbe(jdbc, namespace);
        var planned = new ArrayList<Traffic.Sent>();
        var statuses = new ArrayList<Traffic.Sent>();
        for (int n = 0; n < MESSAGES; n++) {
            planned.add(Traffic.planned("shuffle", n));
            statuses.addAll(Traffic.lifecycle("shuffle", n));
        }
        assertThat(statuses).hasSize(10_000);

        try (var producer = new TestProducer(namespace)) {
            planned.forEach(event -> event.sendWith(producer));
            producer.flush();
            statuses.forEach(event -> event.sendWith(producer));
            producer.flush();
            store.awaitCaughtUp(Duration.ofSeconds(90));
            var inOrder = store.dump();
            var countersInOrder = store.campaignCounters();
            // Four campaigns; SpotHit messages end in three statuses, Aircall ones (n % 10 == 9) are all delivered.
            assertThat(countersInOrder).hasSize(4 * (3 + 1)).isEqualTo(store.campaignCountsOfMessages());
            // Plans and status reports are idempotent by the store's own keys: no dedupe key is written for them.
            assertThat(inOrder.get("processed_events")).isEmpty();
            assertThat(store.count("text_message_events where planned")).isEqualTo(MESSAGES);
            assertThat(inOrder.get("status_history")).hasSize(10_000);

            store.truncateAll();
            var everything = new ArrayList<Traffic.Sent>(planned);
            everything.addAll(statuses);
            var twice = new ArrayList<Traffic.Sent>(everything);
            twice.addAll(everything);
            Traffic.shuffled(twice, 42).forEach(event -> event.sendWith(producer));
            producer.flush();
            store.awaitCaughtUp(Duration.ofSeconds(90));
            var shuffledTwice = store.dump();
            // Statuses before their plan, twice over: the counters kept batch by batch still equal a count of the rows.
            assertThat(store.campaignCounters()).isEqualTo(countersInOrder).isEqualTo(store.campaignCountsOfMessages());

            for (var table : EventsStoreProbe.TABLES.keySet()) {
                assertThat(shuffledTwice.get(table)).as(table).containsExactlyElementsOf(inOrder.get(table));
            }
            assertThat(terminalStatuses(store)).containsExactlyInAnyOrderElementsOf(expectedTerminalStatuses());
        }
    }

    private static List<String> terminalStatuses(EventsStoreProbe store) {
        var statuses = new ArrayList<String>();
        for (int n = 0; n < MESSAGES; n++) {
            statuses.add(n + ":" + store.message(Traffic.messageId("shuffle", n)).get("status"));
        }
        return statuses;
    }

    private static List<String> expectedTerminalStatuses() {
        var statuses = new ArrayList<String>();
        for (int n = 0; n < MESSAGES; n++) {
            statuses.add(n + ":" + io.missive.schemas.Statuses.code(Traffic.terminalOf(n)));
        }
        return statuses;
    }
}

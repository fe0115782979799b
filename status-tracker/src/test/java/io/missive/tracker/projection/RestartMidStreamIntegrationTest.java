package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.schemas.Statuses;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.StatusTrackerApplication;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The tracker stopped in the middle of a stream and started again: the tables end as if it had never
 * stopped, and nothing is counted twice (statuses, history, clicks, the events-applied metric).
 */
@RealInfrastructure
class RestartMidStreamIntegrationTest {

    private static final int MESSAGES = 1_000;
    private static final String RUN = "restart";

    @Test
    void aRestartMidStreamLosesNothingAndCountsNothingTwice(TestNamespace namespace) {
        var stream = new ArrayList<Traffic.Sent>();
        for (int n = 0; n < MESSAGES; n++) {
            stream.add(Traffic.planned(RUN, n));
        }
        var rest = new ArrayList<Traffic.Sent>();
        for (int n = 0; n < MESSAGES; n++) {
            rest.addAll(Traffic.lifecycle(RUN, n));
            rest.add(Traffic.click(RUN, n, 1));
            rest.add(Traffic.click(RUN, n, 2));
            rest.add(Traffic.click(RUN, n, 1)); // the same click, redelivered
        }
        stream.addAll(Traffic.shuffled(rest, 7));
        var distinctEvents = new HashSet<String>();
        stream.forEach(sent -> distinctEvents.add(ProjectedEvents.eventId(sent.event())));
        var firstHalf = stream.subList(0, stream.size() / 2);
        var secondHalf = stream.subList(stream.size() / 2, stream.size());

        double applied = 0;
        try (var producer = new TestProducer(namespace)) {
            var first = start(namespace);
            var jdbc = new JdbcTemplate(new DriverManagerDataSource(namespace.jdbcUrl(),
                    namespace.infrastructure().jdbcUsername(), namespace.infrastructure().jdbcPassword()));
            var store = new EventsStoreProbe(jdbc, namespace);
            firstHalf.forEach(sent -> sent.sendWith(producer));
            producer.flush();
            EventsStoreProbe.await(Duration.ofSeconds(60), "the first events", () -> store.projectedEvents() > 500);
            var firstMeters = first.getBean(MeterRegistry.class);
            first.close(); // graceful: the batch in hand is finished and committed
            applied += appliedCount(firstMeters);
            long projectedBeforeRestart = store.projectedEvents();
            assertThat(projectedBeforeRestart).isLessThan(distinctEvents.size());

            // While it is down: the rest of the stream, and the first half again (a producer's retries).
            secondHalf.forEach(sent -> sent.sendWith(producer));
            firstHalf.forEach(sent -> sent.sendWith(producer));
            producer.flush();

            var second = start(namespace);
            try {
                var restarted = store;
                restarted.awaitCaughtUp(Duration.ofSeconds(90));
                applied += appliedCount(second.getBean(MeterRegistry.class));

                assertThat(restarted.projectedEvents()).isEqualTo(distinctEvents.size());
                assertThat(applied).as("events applied, over both runs").isEqualTo(distinctEvents.size());
                assertThat(restarted.count("status_history")).isEqualTo(5L * MESSAGES);
                assertThat(restarted.count("link_clicks")).isEqualTo(2L * MESSAGES);
                assertThat(restarted.count("text_message_events where clicks = 2 and planned")).isEqualTo(MESSAGES);
                var statuses = jdbc.queryForList("select message_id || ':' || status from tracker.text_message_events", String.class);
                assertThat(statuses).containsExactlyInAnyOrderElementsOf(expectedStatuses());
            } finally {
                second.close();
            }
        }
    }

    private static List<String> expectedStatuses() {
        var expected = new ArrayList<String>();
        for (int n = 0; n < MESSAGES; n++) {
            expected.add(Traffic.messageId(RUN, n) + ":" + Statuses.code(Traffic.terminalOf(n)));
        }
        return expected;
    }

    private static double appliedCount(MeterRegistry meters) {
        return meters.find("missive.tracker.events.applied").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static ConfigurableApplicationContext start(TestNamespace namespace) {
        return new SpringApplicationBuilder(StatusTrackerApplication.class)
                .web(WebApplicationType.NONE)
                .run(namespace.springProperties().entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }
}

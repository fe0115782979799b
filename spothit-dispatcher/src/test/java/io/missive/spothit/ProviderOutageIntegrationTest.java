package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.events.MessageRequested;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A SpotHit outage far longer than a call's retry budget (4 attempts, 0.7 s here) delays messages and
 * never fails them (decision 0205): they are parked in the ledger, announced IN_PROGRESS
 * {@code PROVIDER_UNAVAILABLE_RETRYING}, retried through 5xx answers and then refused connections, and
 * all sent once SpotHit is back, each recipient once. Parked messages are ledger rows: a dispatcher
 * restarted in the middle of the outage sends them all.
 */
@RealInfrastructure
class ProviderOutageIntegrationTest {

    private static final int BATCH_SIZE = 20;
    private static final Set<Status> SETTLED = Set.of(Status.SENT, Status.FAILED);

    @Test
    void anOutageLongerThanTheRetryBudgetEndsWithEveryMessageSentOnce(TestNamespace namespace) throws Exception {
        int messages = 120;
        var campaign = "outage";
        var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("outage-key"));
        int port = spotHit.port();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var dispatcher = start(namespace, spotHit.baseUrl())) {
            spotHit.faults().serverErrors(Integer.MAX_VALUE, 503);
            var requested = send(namespace, campaign, 21, messages);

            await().atMost(Duration.ofSeconds(60)).until(() -> ledgerCount(namespace, campaign, "PARKED") == messages);
            var retrying = awaitRetryingAnnouncements(statuses, requested.keySet());
            // Each message: once IN_PROGRESS entering its first call, then IN_PROGRESS retrying when parked, with
            // its next attempt (again on its 2nd, 4th, 8th… park, so that the time the staff see stays true).
            assertThat(retrying).filteredOn(event -> event.getReason() == null).extracting(StatusUpdated::getMessageId)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(requested.keySet());
            assertThat(retrying).filteredOn(event -> event.getReason() != null)
                    .allSatisfy(event -> assertThat(event.getReason()).isEqualTo("PROVIDER_UNAVAILABLE_RETRYING"))
                    .allSatisfy(event -> assertThat(event.getNextAttemptAt()).isNotNull())
                    .extracting(StatusUpdated::getMessageId).containsAll(requested.keySet())
                    .allSatisfy(id -> assertThat(requested).containsKey(id));
            // The parked gauges, refreshed by the retry loop: in all, and for the campaign.
            await().atMost(Duration.ofSeconds(10)).until(() -> parkedGauge(dispatcher) == messages);
            await().atMost(Duration.ofSeconds(10)).until(() -> campaignGauge(dispatcher, "missive.spothit.parked.campaign.messages", campaign) == messages);
            assertThat(campaignGauge(dispatcher, "missive.spothit.parked.campaign.next.attempt.seconds", campaign)).isPositive();
            int callsDuring5xx = spotHit.calls().size();

            // Second half of the outage: nothing listens any more, every connection is refused.
            spotHit.close();
            int parksBefore = ledgerSum(namespace, campaign, "parks");
            await().atMost(Duration.ofSeconds(60)).until(() -> ledgerSum(namespace, campaign, "parks") >= parksBefore + messages);
            // Still waiting (parked, or in a retry that is failing right now): none failed, none sent.
            assertThat(ledgerCount(namespace, campaign, "FAILED")).as("none failed").isZero();
            assertThat(ledgerCount(namespace, campaign, "SENT")).isZero();
            assertThat(settled(statuses)).as("nothing settled during the outage").isEmpty();

            try (var back = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("outage-key").withPort(port))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> settled(statuses).size() == messages);
                var last = settled(statuses);
                assertThat(last).containsOnlyKeys(requested.keySet());
                assertThat(last.values()).extracting(StatusUpdated::getStatus).containsOnly(Status.SENT);
                assertThat(last.values()).as("the attempts of the outage are counted, beyond one call's budget")
                        .anySatisfy(event -> assertThat(event.getAttempts()).isGreaterThan(4));
                assertThat(back.totalAccepted()).as("everybody got it").isEqualTo(messages);
                assertThat(back.duplicatedPhones()).as("nobody got it twice").isEmpty();
                assertThat(spotHit.totalAccepted()).isZero();
                assertThat(callsDuring5xx).isPositive();
                assertThat(ledgerCount(namespace, campaign, "PARKED")).isZero();
                await().atMost(Duration.ofSeconds(10)).until(() -> parkedGauge(dispatcher) == 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.getBean(MeterRegistry.class)
                        .find("missive.spothit.parked.campaign.messages").tag("campaign", campaign).gauge() == null);
            }
        } finally {
            spotHit.close();
        }
    }

    @Test
    void aRestartDuringTheOutageLosesNoParkedMessage(TestNamespace namespace) throws Exception {
        int messages = 100;
        var campaign = "outage-restart";
        try (var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("outage-key"));
             var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            spotHit.faults().serverErrors(Integer.MAX_VALUE, 503);
            var first = start(namespace, spotHit.baseUrl());
            var requested = send(namespace, campaign, 22, messages);
            await().atMost(Duration.ofSeconds(60)).until(() -> ledgerCount(namespace, campaign, "PARKED") == messages);
            first.close();

            spotHit.faults().clear();
            try (var second = start(namespace, spotHit.baseUrl())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> settled(statuses).size() == messages);
                var last = settled(statuses);
                assertThat(last).containsOnlyKeys(requested.keySet());
                assertThat(last.values()).extracting(StatusUpdated::getStatus).containsOnly(Status.SENT);
                assertThat(spotHit.totalAccepted()).isEqualTo(messages);
                assertThat(spotHit.duplicatedPhones()).isEmpty();
                // Personalised calls again: the parked rows kept the template and each recipient's variables.
                assertThat(spotHit.acceptedMessages()).allSatisfy(accepted ->
                        assertThat(accepted.text()).startsWith("Bonjour, Enfant"));
            }
        }
    }

    private static Map<String, MessageRequested> send(TestNamespace namespace, String campaign, int campaignNumber, int count) {
        var requested = new HashMap<String, MessageRequested>();
        try (var producer = new TestProducer(namespace)) {
            for (int i = 0; i < count; i++) {
                var message = Requests.personalised(campaign, Requests.phone(campaignNumber, i), i);
                requested.put(message.getMessageId(), message);
                producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();
        }
        return requested;
    }

    private static List<StatusUpdated> awaitRetryingAnnouncements(KafkaProbe statuses, Set<String> messageIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            statuses.records();
            var announced = new HashSet<String>();
            statuses.events(StatusUpdated.class).stream().filter(ProviderOutageIntegrationTest::retrying)
                    .forEach(e -> announced.add(e.getMessageId()));
            return announced.containsAll(messageIds);
        });
        return statuses.events(StatusUpdated.class).stream().filter(e -> e.getStatus() == Status.IN_PROGRESS).toList();
    }

    /** The IN_PROGRESS of a parked message, as against the one announced when it first entered a call. */
    private static boolean retrying(StatusUpdated event) {
        return event.getStatus() == Status.IN_PROGRESS && event.getReason() != null;
    }

    /** The last settled status (SENT or FAILED) of each message seen so far. */
    private static Map<String, StatusUpdated> settled(KafkaProbe statuses) {
        statuses.records();
        return statuses.events(StatusUpdated.class).stream().filter(e -> SETTLED.contains(e.getStatus()))
                .collect(Collectors.toMap(StatusUpdated::getMessageId, Function.identity(), (a, b) -> b));
    }

    private static double parkedGauge(ConfigurableApplicationContext dispatcher) {
        return dispatcher.getBean(MeterRegistry.class).get("missive.spothit.parked.messages").gauge().value();
    }

    private static double campaignGauge(ConfigurableApplicationContext dispatcher, String name, String campaign) {
        var gauge = dispatcher.getBean(MeterRegistry.class).find(name).tag("campaign", campaign).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static ConfigurableApplicationContext start(TestNamespace namespace, String baseUrl) {
        Map<String, Object> properties = new HashMap<>(namespace.springProperties());
        properties.put("missive.spothit.api-key", "outage-key");
        properties.put("missive.spothit.base-url", baseUrl);
        properties.put("missive.spothit.dispatch.batch-size", BATCH_SIZE);
        properties.put("missive.spothit.dispatch.linger", "50ms");
        properties.put("missive.spothit.dispatch.concurrency", 1);
        properties.put("missive.spothit.dispatch.max-calls-per-second", 30);
        properties.put("missive.spothit.dispatch.max-attempts", 4);
        properties.put("missive.spothit.dispatch.retry-wait", "100ms");
        properties.put("missive.spothit.dispatch.connect-timeout", "1s");
        properties.put("missive.spothit.dispatch.circuit-open-for", "1s");
        properties.put("missive.spothit.dispatch.park-first-wait", "200ms");
        properties.put("missive.spothit.dispatch.park-max-wait", "1s");
        properties.put("missive.spothit.dispatch.park-poll-interval", "200ms");
        properties.put("missive.spothit.dispatch.give-up-after", "10m");
        properties.put("spring.kafka.consumer.properties.max.poll.interval.ms", 8000);
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "3s");
        return new SpringApplicationBuilder(SpotHitDispatcherApplication.class)
                .run(CrashRecoveryIntegrationTest.asArguments(properties));
    }

    private static int ledgerCount(TestNamespace namespace, String campaign, String state) throws SQLException {
        return ledgerQuery(namespace, "select count(*) from spothit.dispatch_ledger where campaign_id = '" + campaign
                + "' and state = '" + state + "'");
    }

    private static int ledgerSum(TestNamespace namespace, String campaign, String column) throws SQLException {
        return ledgerQuery(namespace, "select coalesce(sum(" + column + "), 0) from spothit.dispatch_ledger where campaign_id = '"
                + campaign + "'");
    }

    private static int ledgerQuery(TestNamespace namespace, String sql) throws SQLException {
        var infrastructure = namespace.infrastructure();
        try (var connection = DriverManager.getConnection(namespace.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

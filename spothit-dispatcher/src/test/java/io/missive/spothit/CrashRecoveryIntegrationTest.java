package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.MessageRequested;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.spothit.SpotHitCall;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dispatcher dies between the ledger write and the settlement (its call accepted by SpotHit,
 * the answer not yet back, the context stopped); after a restart every recipient has still been
 * accepted exactly once: the call in doubt is FAILED with UNKNOWN_OUTCOME, never re-sent, and the
 * messages the dead instance had not sent yet are sent by the new one.
 */
@RealInfrastructure
class CrashRecoveryIntegrationTest {

    private static final int MESSAGES = 200;
    private static final int BATCH_SIZE = 50;

    @Test
    void aRestartBetweenLedgerWriteAndSettlementNeverSendsARecipientTwice(TestNamespace namespace) throws Exception {
        try (var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("crash-key"));
             var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var producer = new TestProducer(namespace)) {
            spotHit.faults().holdAfterAccepting(1, Duration.ofMinutes(2));
            var requested = new HashMap<String, MessageRequested>();
            for (int i = 0; i < MESSAGES; i++) {
                var message = Requests.personalised("crash-campaign", Requests.phone(7, i), i);
                requested.put(message.getMessageId(), message);
                producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();

            var first = start(namespace, spotHit);
            await().atMost(Duration.ofSeconds(60)).until(() -> !spotHit.acceptedCalls().isEmpty());
            int inDoubt = spotHit.acceptedCalls().getFirst().recipients();
            assertThat(ledgerCount(namespace, "SENDING")).as("written before the call, not settled").isEqualTo(inDoubt);
            first.close();

            try (var second = start(namespace, spotHit)) {
                // Announcements may repeat (same eventId) when a redelivered record finds its message settled.
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    statuses.records();
                    return statuses.events(StatusUpdated.class).stream().filter(Requests::settled).map(StatusUpdated::getMessageId).distinct().count() == MESSAGES;
                });
                var last = statuses.events(StatusUpdated.class).stream().filter(Requests::settled)
                        .collect(Collectors.toMap(StatusUpdated::getMessageId, Function.identity(), (a, b) -> b));

                assertThat(last).containsOnlyKeys(requested.keySet());
                assertThat(spotHit.duplicatedPhones()).as("nobody got the message twice").isEmpty();
                assertThat(spotHit.totalAccepted()).as("everybody got it once").isEqualTo(MESSAGES);
                assertThat(last.values()).filteredOn(e -> e.getStatus() == Status.FAILED).hasSize(inDoubt)
                        .allSatisfy(failed -> assertThat(failed.getReason()).isEqualTo("UNKNOWN_OUTCOME"))
                        .as("they name the one call in doubt, so its receipts can reconcile it (decision 0504)")
                        .extracting(StatusUpdated::getCallId).containsOnly(ledgerBatchOfFailed(namespace)).doesNotContainNull();
                assertThat(last.values()).filteredOn(e -> e.getStatus() == Status.SENT).hasSize(MESSAGES - inDoubt);
                assertThat(ledgerCount(namespace, "SENDING")).isZero();
                assertThat(spotHit.calls()).extracting(SpotHitCall::recipients)
                        .allSatisfy(recipients -> assertThat(recipients).isLessThanOrEqualTo(BATCH_SIZE));
            }
        }
    }

    private static ConfigurableApplicationContext start(TestNamespace namespace, SpotHitSimulator spotHit) {
        Map<String, Object> properties = new HashMap<>(namespace.springProperties());
        properties.put("missive.spothit.api-key", "crash-key");
        properties.put("missive.spothit.base-url", spotHit.baseUrl());
        properties.put("missive.spothit.dispatch.batch-size", BATCH_SIZE);
        properties.put("missive.spothit.dispatch.linger", "50ms");
        properties.put("missive.spothit.dispatch.concurrency", 1);
        properties.put("missive.spothit.dispatch.max-calls-per-second", 20);
        properties.put("missive.spothit.dispatch.call-timeout", "60s");
        properties.put("missive.spothit.dispatch.stuck-after", "3s");
        properties.put("missive.spothit.dispatch.recovery-interval", "500ms");
        // A dead instance leaves the consumer group quickly, as a killed process would.
        properties.put("spring.kafka.consumer.properties.max.poll.interval.ms", 8000);
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "3s");
        return new SpringApplicationBuilder(SpotHitDispatcherApplication.class).run(asArguments(properties));
    }

    /** Command-line arguments outrank application.yml, as the environment does in production. */
    static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static int ledgerCount(TestNamespace namespace, String state) throws SQLException {
        var infrastructure = namespace.infrastructure();
        try (var connection = DriverManager.getConnection(namespace.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
             var statement = connection.prepareStatement("select count(*) from spothit.dispatch_ledger where state = ?")) {
            statement.setString(1, state);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The batch id the ledger keeps for the messages FAILED UNKNOWN_OUTCOME (exactly one call here). */
    private static String ledgerBatchOfFailed(TestNamespace namespace) throws SQLException {
        var infrastructure = namespace.infrastructure();
        try (var connection = DriverManager.getConnection(namespace.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
             var statement = connection.prepareStatement(
                     "select distinct batch_id::text from spothit.dispatch_ledger where state = 'FAILED' and reason = 'UNKNOWN_OUTCOME'")) {
            try (var rows = statement.executeQuery()) {
                rows.next();
                var batch = rows.getString(1);
                assertThat(rows.next()).as("one call in doubt").isFalse();
                return batch;
            }
        }
    }
}

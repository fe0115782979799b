package io.missive.aircall.dispatch;

import static io.missive.aircall.dispatch.AircallTestMessages.phone;
import static io.missive.aircall.dispatch.AircallTestMessages.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.missive.aircall.AircallDispatcherApplication;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AcceptedMessage;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.simulators.aircall.SendAttempt;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dispatcher as a process that stops and starts again: a pending retry keeps its schedule, a
 * batch stopped half-way reaches every recipient exactly once, and the start-up refuses what it
 * cannot work with.
 */
@RealInfrastructure
class AircallDispatcherRestartIntegrationTest {

    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(20, Duration.ofSeconds(1)));

    @AfterAll
    static void stopSimulator() {
        aircall.close();
    }

    @Test
    void aRestartBetweenAttemptsKeepsTheSchedule(TestNamespace namespace) {
        var delayUnit = Duration.ofSeconds(6);
        var to = phone(30, 0);
        aircall.faults().failFirstAttemptsTo(to, 1, 503);
        var message = requested("campaign-restart-retry", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            var first = start(namespace, Map.of("missive.aircall.retry.delay-unit", delayUnit.toMillis() + "ms"));
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            statuses.awaitEvent(StatusUpdated.class, s -> message.getMessageId().equals(s.getMessageId())
                    && s.getStatus() == Status.IN_PROGRESS && s.getAttempts() == 1, Duration.ofSeconds(20));
            first.close();

            try (var second = start(namespace, Map.of("missive.aircall.retry.delay-unit", delayUnit.toMillis() + "ms"))) {
                var sent = statuses.awaitEvent(StatusUpdated.class, s -> message.getMessageId().equals(s.getMessageId())
                        && s.getStatus() == Status.SENT, Duration.ofSeconds(30));
                assertThat(sent.getAttempts()).isEqualTo(2);
            }
        }
        var attempts = aircall.attemptsTo(to);
        assertThat(attempts).extracting(SendAttempt::status).containsExactly(503, 200);
        var gap = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        System.out.printf("aircall restart between attempts: second attempt %d ms after the first (delay %d ms)%n",
                gap.toMillis(), delayUnit.toMillis());
        assertThat(gap).as("the second attempt waits out the delay across the restart")
                .isBetween(delayUnit, delayUnit.plusSeconds(10));
    }

    @Test
    void everyRecipientReachesAircallExactlyOnceWhenStoppedMidBatchAndRestarted(TestNamespace namespace) {
        int count = 60;
        var phones = new ArrayList<String>();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            var first = start(namespace, Map.of());
            for (int i = 0; i < count; i++) {
                var message = requested("campaign-restart-batch", phone(31, i), "Message " + i);
                phones.add(message.getPhone());
                producer.sendAsync(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phones) >= 15);
            first.close();
            int beforeRestart = sentTo(phones);
            assertThat(beforeRestart).as("stopped mid-batch").isLessThan(count);
            System.out.printf("aircall mid-batch stop: %d of %d sent before the stop%n", beforeRestart, count);

            try (var second = start(namespace, Map.of())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> sentMessageIds(statuses).size() == count);
            }
        }
        Map<String, List<AcceptedMessage>> byRecipient = aircall.acceptedByRecipient();
        assertThat(phones).allSatisfy(phone -> assertThat(byRecipient.get(phone)).as(phone).hasSize(1));
        assertThat(aircall.overLimitRequests()).isZero();
    }

    @Test
    void aCallCutShortByACrashIsNotRepeatedButFailsAsUnknownOutcome(TestNamespace namespace) throws Exception {
        var to = phone(33, 0);
        var messageId = "crashed-mid-call";
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var app = start(namespace, Map.of())) {
            // What a process that died during its call to Aircall leaves behind: a claimed row.
            try (var connection = java.sql.DriverManager.getConnection(namespace.jdbcUrl(),
                    namespace.infrastructure().jdbcUsername(), namespace.infrastructure().jdbcPassword());
                 var insert = connection.prepareStatement("""
                         insert into aircall.dispatch_ledger (message_id, campaign_id, phone, body, number_id, state,
                             attempts, next_attempt_at, claimed_at, version, announced_version, received_at, updated_at)
                         values (?, 'campaign-crash', ?, 'Bonjour', '123456', 'SENDING', 1, now() - interval '2 hours',
                             now() - interval '2 hours', 1, 1, now() - interval '2 hours', now() - interval '2 hours')""")) {
                insert.setString(1, messageId);
                insert.setString(2, to);
                insert.executeUpdate();
            }

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> messageId.equals(s.getMessageId()), Duration.ofSeconds(30));
            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getReason()).isEqualTo("UNKNOWN_OUTCOME");
        }
        assertThat(aircall.attemptsTo(to)).isEmpty();
    }

    @Test
    void refusesToStartWhenEnabledWithoutCredentials(TestNamespace namespace) {
        assertThatThrownBy(() -> start(namespace, Map.of("AIRCALL_API_ID", "")).close())
                .hasStackTraceContaining("AIRCALL_API_ID");
        assertThatThrownBy(() -> start(namespace, Map.of("AIRCALL_API_TOKEN", " ")).close())
                .hasStackTraceContaining("AIRCALL_API_TOKEN");
    }

    @Test
    void whenMessagingIsDisabledMessagesFailWithAReasonRatherThanVanish(TestNamespace namespace) {
        var to = phone(32, 0);
        var message = requested("campaign-disabled", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace);
             var app = start(namespace, Map.of("AIRCALL_MESSAGE_ENABLED", "false", "AIRCALL_API_ID", "", "AIRCALL_API_TOKEN", ""))) {
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> message.getMessageId().equals(s.getMessageId()),
                    Duration.ofSeconds(30));
            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getReason()).isEqualTo("AIRCALL_DISABLED");
        }
        assertThat(aircall.attemptsTo(to)).isEmpty();
    }

    private static int sentTo(List<String> phones) {
        var wanted = Set.copyOf(phones);
        return (int) aircall.accepted().stream().filter(m -> wanted.contains(m.to())).count();
    }

    private static Set<String> sentMessageIds(KafkaProbe statuses) {
        statuses.records();
        return statuses.events(StatusUpdated.class).stream()
                .filter(s -> s.getStatus() == Status.SENT)
                .map(StatusUpdated::getMessageId)
                .collect(Collectors.toSet());
    }

    /** Starts the dispatcher as its own process would, on this class's namespace and the simulator. */
    private static ConfigurableApplicationContext start(TestNamespace namespace, Map<String, String> overrides) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("AIRCALL_ENABLED", "true");
        properties.put("AIRCALL_MESSAGE_ENABLED", "true");
        properties.put("AIRCALL_API_ID", aircall.config().apiId());
        properties.put("AIRCALL_API_TOKEN", aircall.config().apiToken());
        properties.put("AIRCALL_BASE_URL", aircall.baseUrl());
        properties.put("missive.aircall.rate-limit.requests", "20");
        properties.put("missive.aircall.rate-limit.window", "1s");
        properties.put("missive.aircall.rate-limit.clock-margin", "20ms");
        properties.put("missive.aircall.poll-interval", "100ms");
        properties.putAll(overrides);
        // As command-line arguments, so that they win over application.yml as a deployment's would.
        var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(AircallDispatcherApplication.class).run(args);
    }
}

package io.missive.aircall.dispatch;

import static io.missive.aircall.dispatch.AircallTestMessages.phone;
import static io.missive.aircall.dispatch.AircallTestMessages.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A STOP is honoured up to each Aircall call, a retry's included: FAILED {@code OPTED_OUT}, and Aircall never sees the number. */
@RealInfrastructure
@SpringBootTest
class AircallOptOutIntegrationTest {

    private static final Duration DELAY_UNIT = Duration.ofSeconds(2);
    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(100, Duration.ofSeconds(1)));

    @DynamicPropertySource
    static void aircallProperties(DynamicPropertyRegistry registry) {
        registry.add("AIRCALL_ENABLED", () -> "true");
        registry.add("AIRCALL_MESSAGE_ENABLED", () -> "true");
        registry.add("AIRCALL_API_ID", () -> aircall.config().apiId());
        registry.add("AIRCALL_API_TOKEN", () -> aircall.config().apiToken());
        registry.add("AIRCALL_BASE_URL", aircall::baseUrl);
        registry.add("missive.aircall.retry.delay-unit", () -> DELAY_UNIT.toMillis() + "ms");
        registry.add("missive.aircall.poll-interval", () -> "50ms");
    }

    @AfterAll
    static void stopSimulator() {
        aircall.close();
    }

    @Autowired
    KafkaOptOutSet optOuts;

    @Test
    void aPhoneThatOptedOutAfterAcceptanceIsFailedOptedOutAndAircallNeverSeesIt(TestNamespace namespace) {
        var stopped = phone(40, 1);
        var message = requested("optout-first", stopped, "Bonjour, c'est Claire.");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.OPTOUTS, stopped, optOut(stopped));
            await().atMost(Duration.ofSeconds(20)).until(() -> optOuts.optedOut(stopped));

            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> message.getMessageId().equals(s.getMessageId())
                    && s.getStatus() == Status.FAILED, Duration.ofSeconds(20));
            assertThat(failed.getReason()).isEqualTo("OPTED_OUT");
            assertThat(aircall.attemptsTo(stopped)).isEmpty();
        }
    }

    @Test
    void aStopBetweenTwoAttemptsStopsTheRetry(TestNamespace namespace) {
        var stopped = phone(40, 2);
        aircall.faults().failFirstAttemptsTo(stopped, 1, 503);
        var message = requested("optout-retry", stopped, "Rappel : rendez-vous demain");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            await().atMost(Duration.ofSeconds(20)).until(() -> aircall.attemptsTo(stopped).size() == 1);

            producer.send(Topics.OPTOUTS, stopped, optOut(stopped));

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> message.getMessageId().equals(s.getMessageId())
                    && s.getStatus() == Status.FAILED, Duration.ofSeconds(30));
            assertThat(failed.getReason()).isEqualTo("OPTED_OUT");
            assertThat(aircall.attemptsTo(stopped)).hasSize(1);
            assertThat(aircall.acceptedTo(stopped)).isEmpty();
        }
    }

    private static OptOut optOut(String phone) {
        return OptOut.newBuilder().setEventId("optout-" + phone).setOccurredAt(Instant.now()).setPhone(phone)
                .setProvider(Provider.AIRCALL).build();
    }
}

package io.missive.spothit;

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
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A STOP is honoured up to the SpotHit call: a requested message to a phone that opted out after acceptance is
 * FAILED {@code OPTED_OUT} and never reaches SpotHit; a phone that opted back in is sent to again.
 */
@RealInfrastructure
@SpringBootTest(properties = {"missive.spothit.api-key=optout-key", "missive.spothit.dispatch.linger=50ms"})
class OptedOutAtDispatchIntegrationTest {

    static final SpotHitSimulator spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("optout-key"));

    @DynamicPropertySource
    static void spotHitUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.spothit.base-url", spotHit::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        spotHit.close();
    }

    @Autowired
    KafkaOptOutSet optOuts;

    @Test
    void anOptedOutPhoneIsFailedOptedOutAndNeverReachesSpotHit(TestNamespace namespace) {
        var stopped = "+33611000001";
        var optedBackIn = "+33611000002";
        var other = "+33611000003";
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.OPTOUTS, stopped, optOut(stopped, true));
            producer.send(Topics.OPTOUTS, optedBackIn, optOut(optedBackIn, true));
            producer.send(Topics.OPTOUTS, optedBackIn, optOut(optedBackIn, false));
            await().atMost(Duration.ofSeconds(20)).until(() -> optOuts.optedOut(stopped));
            assertThat(optOuts.optedOut(optedBackIn)).isFalse();

            var messages = List.of(Requests.plain("optouts", stopped, "Atelier demain"),
                    Requests.plain("optouts", optedBackIn, "Atelier demain"), Requests.plain("optouts", other, "Atelier demain"));
            messages.forEach(m -> producer.send(Topics.SPOTHIT_REQUESTED, m.getMessageId(), m));

            var events = statuses.awaitEvents(StatusUpdated.class, Requests::settled, 3, Duration.ofSeconds(30));
            assertThat(events).extracting(StatusUpdated::getMessageId, StatusUpdated::getStatus, StatusUpdated::getReason)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple(messages.get(0).getMessageId(), Status.FAILED, "OPTED_OUT"),
                            Tuple.tuple(messages.get(1).getMessageId(), Status.SENT, null),
                            Tuple.tuple(messages.get(2).getMessageId(), Status.SENT, null));
            assertThat(spotHit.acceptedPhones()).containsOnlyKeys(optedBackIn, other);
        }
    }

    private static OptOut optOut(String phone, boolean active) {
        return OptOut.newBuilder().setEventId("optout-" + phone + "-" + active).setOccurredAt(Instant.now()).setPhone(phone)
                .setProvider(Provider.SPOTHIT).setReason(active ? "STOP" : "START").setActive(active)
                .setAuthor(active ? null : "spothit").build();
    }
}

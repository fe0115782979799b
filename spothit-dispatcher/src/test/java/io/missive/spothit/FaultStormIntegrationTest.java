package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 5xx and rate-limit storms: transient faults are retried a bounded number of times, SpotHit never
 * sees more calls per second than configured, and when retries run out the messages are FAILED
 * with the reason. (The calls-per-second check counts arrivals at the simulator.)
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.spothit.api-key=storm-key",
        "missive.spothit.dispatch.batch-size=20",
        "missive.spothit.dispatch.linger=100ms",
        "missive.spothit.dispatch.max-calls-per-second=" + FaultStormIntegrationTest.RATE,
        "missive.spothit.dispatch.max-attempts=" + FaultStormIntegrationTest.MAX_ATTEMPTS,
        "missive.spothit.dispatch.retry-wait=100ms",
        "missive.spothit.dispatch.circuit-open-for=500ms"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultStormIntegrationTest {

    static final int RATE = 5;
    static final int MAX_ATTEMPTS = 4;

    static final SpotHitSimulator spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("storm-key"));

    @DynamicPropertySource
    static void spotHitUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.spothit.base-url", spotHit::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        spotHit.close();
    }

    @Autowired
    CircuitBreaker circuitBreaker;

    @AfterEach
    void neverOverTheRateAndNeverTwice() {
        try {
            System.out.printf("figure=storm calls=%d callsPerSecond=%s maxInSlidingSecond=%d%n",
                    spotHit.calls().size(), spotHit.callsPerSecond().values(), spotHit.maxCallsInAnySecond());
            assertThat(spotHit.callsPerSecond().values()).as("calls per second at SpotHit")
                    .allSatisfy(perSecond -> assertThat(perSecond).isLessThanOrEqualTo(RATE));
            assertThat(spotHit.duplicatedPhones()).isEmpty();
        } finally {
            spotHit.reset();
            // Each storm starts against a healthy SpotHit, not one the previous storm left the breaker open on.
            circuitBreaker.reset();
        }
    }

    @Test
    @Order(1)
    void aShort5xxStormIsRetriedThroughAndEveryMessageIsSentOnce(TestNamespace namespace) {
        spotHit.faults().serverErrors(3, 503);

        var events = send(namespace, "storm-5xx", 1, 100);

        assertThat(events.values()).allSatisfy(event -> assertThat(event.getStatus()).isEqualTo(Status.SENT));
        assertThat(spotHit.totalAccepted()).isEqualTo(100);
        assertThat(spotHit.calls()).filteredOn(call -> call.httpStatus() == 503).hasSize(3);
        assertThat(spotHit.acceptedCalls()).allSatisfy(call -> assertThat(call.recipients()).isLessThanOrEqualTo(20));
    }

    @Test
    @Order(2)
    void rateLimitRefusalsAreRetriedThrough(TestNamespace namespace) {
        spotHit.faults().rateLimitRefusals(3);

        var events = send(namespace, "storm-63", 2, 60);

        assertThat(events.values()).allSatisfy(event -> assertThat(event.getStatus()).isEqualTo(Status.SENT));
        assertThat(spotHit.totalAccepted()).isEqualTo(60);
        assertThat(spotHit.calls()).filteredOn(call -> "63".equals(call.errors())).hasSize(3);
    }

    @Test
    @Order(3)
    void aStormThatOutlastsTheRetriesFailsTheMessagesWithTheReasonAfterBoundedAttempts(TestNamespace namespace) {
        spotHit.faults().serverErrors(Integer.MAX_VALUE, 503);

        var events = send(namespace, "storm-endless", 3, 40);

        assertThat(events.values()).allSatisfy(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.FAILED);
            assertThat(event.getReason()).startsWith("SPOTHIT_UNAVAILABLE");
        });
        assertThat(events.values()).anySatisfy(event -> assertThat(event.getReason()).contains("HTTP 503"));
        assertThat(events.values()).allSatisfy(event -> assertThat(event.getAttempts()).isBetween(1, MAX_ATTEMPTS));
        for (int i = 0; i < 40; i++) {
            assertThat(spotHit.callsNaming(Requests.phone(3, i))).as("attempts that reached SpotHit for one recipient")
                    .isBetween(1, MAX_ATTEMPTS);
        }
        assertThat(spotHit.calls()).extracting(SpotHitCall::httpStatus).containsOnly(503);
        assertThat(spotHit.totalAccepted()).isZero();
    }

    /** Sends {@code count} messages of one campaign and returns the final status of each. */
    private static java.util.Map<String, StatusUpdated> send(TestNamespace namespace, String campaign, int campaignNumber, int count) {
        var messages = new ArrayList<MessageRequested>();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            for (int i = 0; i < count; i++) {
                var message = Requests.personalised(campaign, Requests.phone(campaignNumber, i), i);
                messages.add(message);
                producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();
            List<StatusUpdated> events = statuses.awaitEvents(StatusUpdated.class, Requests::settled, count, Duration.ofSeconds(60));
            var byMessage = events.stream().collect(Collectors.toMap(StatusUpdated::getMessageId, Function.identity(), (a, b) -> b));
            assertThat(byMessage.keySet()).containsExactlyInAnyOrderElementsOf(
                    messages.stream().map(MessageRequested::getMessageId).toList());
            return byMessage;
        }
    }
}

package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * 5xx and rate-limit storms: transient faults are retried within the call, SpotHit never sees more
 * calls per second than configured, and a storm that outlasts the call's retries parks the messages
 * until their deadline (decision 0205), after which they are FAILED {@code PROVIDER_UNAVAILABLE} with
 * the attempts made. (The calls-per-second check counts arrivals at the simulator.)
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.spothit.api-key=storm-key",
        "missive.spothit.dispatch.batch-size=20",
        "missive.spothit.dispatch.linger=100ms",
        "missive.spothit.dispatch.max-calls-per-second=" + FaultStormIntegrationTest.RATE,
        "missive.spothit.dispatch.max-attempts=" + FaultStormIntegrationTest.MAX_ATTEMPTS,
        "missive.spothit.dispatch.retry-wait=100ms",
        "missive.spothit.dispatch.circuit-open-for=500ms",
        "missive.spothit.dispatch.park-first-wait=100ms",
        "missive.spothit.dispatch.park-max-wait=500ms",
        "missive.spothit.dispatch.park-poll-interval=100ms",
        "missive.spothit.dispatch.give-up-after=" + FaultStormIntegrationTest.GIVE_UP_AFTER_SECONDS + "s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultStormIntegrationTest {

    static final int RATE = 5;
    static final int MAX_ATTEMPTS = 4;
    static final int GIVE_UP_AFTER_SECONDS = 3;

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
    void aStormThatOutlastsTheDeadlineFailsTheMessagesProviderUnavailableWithTheAttemptsMade(TestNamespace namespace) {
        spotHit.faults().serverErrors(Integer.MAX_VALUE, 503);

        var events = send(namespace, "storm-endless", 3, 40);

        assertThat(events.values()).allSatisfy(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.FAILED);
            assertThat(event.getReason()).startsWith("PROVIDER_UNAVAILABLE: SPOTHIT_UNAVAILABLE");
            assertThat(event.getAttempts()).as("the attempts made are the calls that reached SpotHit")
                    .isEqualTo(spotHit.callsNaming(event.getPhone()));
        });
        assertThat(events.values()).anySatisfy(event -> assertThat(event.getReason()).contains("HTTP 503"));
        assertThat(spotHit.calls()).extracting(SpotHitCall::httpStatus).containsOnly(503);
        assertThat(spotHit.totalAccepted()).isZero();
    }

    @Test
    @Order(4)
    void aParkedMessageIsAnnouncedInProgressOnceAndNotFailedBeforeItsDeadline(TestNamespace namespace) {
        spotHit.faults().serverErrors(Integer.MAX_VALUE, 503);
        long started = System.currentTimeMillis();

        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var events = send(namespace, "storm-deadline", 4, 10);
            assertThat(events.values()).allSatisfy(event -> assertThat(event.getOccurredAt().toEpochMilli())
                    .as("failed no earlier than the deadline").isGreaterThanOrEqualTo(started + GIVE_UP_AFTER_SECONDS * 1000L));
            statuses.records();
            var inProgress = statuses.events(StatusUpdated.class).stream().filter(e -> e.getStatus() == Status.IN_PROGRESS).toList();
            // Once entering its first call (no reason); retrying (with the next attempt time) on its 1st, 2nd, 4th, 8th…
            // park only (decision 0205), never on every retry: parks at least 100 ms apart within the 3 s deadline are
            // at most 30, so at most 1 + log2(30) = 5 announcements a message, where one per retry would be up to 30.
            assertThat(inProgress).filteredOn(e -> e.getReason() == null).extracting(StatusUpdated::getMessageId)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(events.keySet());
            var retrying = inProgress.stream().filter(e -> e.getReason() != null)
                    .collect(Collectors.groupingBy(StatusUpdated::getMessageId, Collectors.counting()));
            assertThat(retrying).containsOnlyKeys(events.keySet());
            assertThat(retrying.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 5L));
            assertThat(inProgress).filteredOn(e -> e.getReason() != null).extracting(StatusUpdated::getEventId).doesNotHaveDuplicates();
            assertThat(inProgress).extracting(StatusUpdated::getReason).containsOnly(null, "PROVIDER_UNAVAILABLE_RETRYING");
        }
    }

    /** Sends {@code count} messages of one campaign and returns the settled status (SENT or FAILED) of each. */
    private static java.util.Map<String, StatusUpdated> send(TestNamespace namespace, String campaign, int campaignNumber, int count) {
        var messages = new ArrayList<MessageRequested>();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            for (int i = 0; i < count; i++) {
                var message = Requests.personalised(campaign, Requests.phone(campaignNumber, i), i);
                messages.add(message);
                producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> settled(statuses).size() == count);
            var byMessage = settled(statuses);
            assertThat(byMessage.keySet()).containsExactlyInAnyOrderElementsOf(
                    messages.stream().map(MessageRequested::getMessageId).toList());
            return byMessage;
        }
    }

    private static java.util.Map<String, StatusUpdated> settled(KafkaProbe statuses) {
        statuses.records();
        return statuses.events(StatusUpdated.class).stream()
                .filter(event -> event.getStatus() == Status.SENT || event.getStatus() == Status.FAILED)
                .collect(Collectors.toMap(StatusUpdated::getMessageId, Function.identity(), (a, b) -> b));
    }
}

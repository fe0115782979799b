package io.missive.aircall.dispatch;

import static io.missive.aircall.dispatch.AircallTestMessages.phone;
import static io.missive.aircall.dispatch.AircallTestMessages.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AcceptedMessage;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Aircall's limit (60 a minute per credentials), scaled down to 60 per 4 seconds: 300 messages all
 * go, none of them over the limit, at close to the allowed rate.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AircallRateLimitIntegrationTest {

    private static final int LIMIT = 60;
    // 60 a minute scaled down 15 times: calls 66 ms apart, which a CI machine shared by several
    // builds still sustains (at 60 per 2 s the dispatcher kept 94-99 % on a quiet machine, less when starved).
    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final int MESSAGES = 300;
    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(LIMIT, WINDOW));

    @DynamicPropertySource
    static void aircallProperties(DynamicPropertyRegistry registry) {
        registry.add("AIRCALL_ENABLED", () -> "true");
        registry.add("AIRCALL_MESSAGE_ENABLED", () -> "true");
        registry.add("AIRCALL_API_ID", () -> aircall.config().apiId());
        registry.add("AIRCALL_API_TOKEN", () -> aircall.config().apiToken());
        registry.add("AIRCALL_BASE_URL", aircall::baseUrl);
        registry.add("missive.aircall.rate-limit.requests", () -> LIMIT);
        registry.add("missive.aircall.rate-limit.window", () -> WINDOW.toMillis() + "ms");
        registry.add("missive.aircall.rate-limit.clock-margin", () -> "50ms");
        registry.add("missive.aircall.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stopSimulator() {
        aircall.close();
    }

    @Test
    void sendsThreeHundredMessagesWithinTheLimitAtCloseToTheAllowedRate(TestNamespace namespace) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            for (int i = 0; i < MESSAGES; i++) {
                var message = requested("campaign-rate", phone(20 + i / 100, i), "Message " + i);
                producer.sendAsync(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> sentMessageIds(statuses).size() == MESSAGES);
        }

        assertThat(aircall.overLimitRequests()).as("requests over the limit").isZero();
        var accepted = aircall.accepted();
        assertThat(accepted).hasSize(MESSAGES);
        assertThat(accepted.stream().map(AcceptedMessage::to).distinct()).hasSize(MESSAGES);

        var first = accepted.stream().map(AcceptedMessage::acceptedAt).min(Comparator.naturalOrder()).orElseThrow();
        var last = accepted.stream().map(AcceptedMessage::acceptedAt).max(Comparator.naturalOrder()).orElseThrow();
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        double rate = (MESSAGES - 1) / seconds;
        double allowed = LIMIT / (WINDOW.toNanos() / 1e9);
        System.out.printf("aircall rate limit: %d messages in %.2f s = %.2f/s, allowed %.2f/s (%.1f%%), over limit %d%n",
                MESSAGES, seconds, rate, allowed, 100 * rate / allowed, aircall.overLimitRequests());
        var times = accepted.stream().map(AcceptedMessage::acceptedAt).sorted().toList();
        var gaps = new java.util.ArrayList<Long>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
        }
        var sortedGaps = gaps.stream().sorted().toList();
        System.out.printf("gaps ms: p50 %d p90 %d p99 %d max %d; first 20 %s%n", sortedGaps.get(gaps.size() / 2),
                sortedGaps.get(gaps.size() * 9 / 10), sortedGaps.get(gaps.size() * 99 / 100), sortedGaps.getLast(), gaps.subList(0, 20));
        assertThat(rate).as("throughput within 10%% of the allowed %.1f/s", allowed)
                .isBetween(allowed * 0.9, allowed * 1.1);
    }

    private static Set<String> sentMessageIds(KafkaProbe statuses) {
        statuses.records();
        return statuses.events(StatusUpdated.class).stream()
                .filter(s -> s.getStatus() == Status.SENT)
                .map(StatusUpdated::getMessageId)
                .collect(Collectors.toSet());
    }
}

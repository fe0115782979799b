package io.missive.aircall.dispatch;

import static io.missive.aircall.dispatch.AircallTestMessages.phone;
import static io.missive.aircall.dispatch.AircallTestMessages.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.aircall.AircallDispatcherApplication;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AcceptedMessage;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two aircall-dispatchers (two Spring contexts on the same database and Kafka) on the same
 * credentials share one limit: Aircall's 60 a minute scaled to 20 per 2 s, 200 messages, one
 * instance stopped a third of the way through. With a limit per process they would send 40 per
 * window and the simulator would refuse half; with the shared bucket none is over the limit and the
 * pair uses the whole allowed rate.
 */
@RealInfrastructure
class AircallSharedRateLimitIntegrationTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final int MESSAGES = 200;
    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(LIMIT, WINDOW));

    @AfterAll
    static void stopSimulator() {
        aircall.close();
    }

    @Test
    void twoInstancesStayWithinOneLimitAndUseAllOfIt(TestNamespace namespace) {
        var first = start(namespace);
        try (var second = start(namespace); var producer = new TestProducer(namespace)) {
            for (int i = 0; i < MESSAGES; i++) {
                var message = requested("campaign-shared-rate", phone(40 + i / 100, i), "Message " + i);
                producer.sendAsync(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> aircall.accepted().size() >= MESSAGES / 3);
            first.close(); // one replica goes away mid-run; the other takes the whole limit
            await().atMost(Duration.ofSeconds(60)).until(() -> aircall.accepted().size() >= MESSAGES);
        } finally {
            first.close();
        }

        var accepted = aircall.accepted();
        assertThat(aircall.overLimitRequests()).as("requests over the limit").isZero();
        assertThat(accepted).hasSize(MESSAGES);
        assertThat(accepted.stream().map(AcceptedMessage::to).distinct()).hasSize(MESSAGES);

        var first0 = accepted.stream().map(AcceptedMessage::acceptedAt).min(Comparator.naturalOrder()).orElseThrow();
        var last = accepted.stream().map(AcceptedMessage::acceptedAt).max(Comparator.naturalOrder()).orElseThrow();
        double seconds = Duration.between(first0, last).toNanos() / 1e9;
        double rate = (MESSAGES - 1) / seconds;
        double allowed = LIMIT / (WINDOW.toNanos() / 1e9);
        System.out.printf("figure=aircall_shared_rate_limit instances=2 messages=%d seconds=%.2f rate=%.2f/s allowed=%.2f/s used=%.1f%% overLimit=%d%n",
                MESSAGES, seconds, rate, allowed, 100 * rate / allowed, aircall.overLimitRequests());
        assertThat(rate).as("at least 95%% of the allowed %.1f/s", allowed).isGreaterThanOrEqualTo(allowed * 0.95);
    }

    private static ConfigurableApplicationContext start(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("AIRCALL_ENABLED", "true");
        properties.put("AIRCALL_MESSAGE_ENABLED", "true");
        properties.put("AIRCALL_API_ID", aircall.config().apiId());
        properties.put("AIRCALL_API_TOKEN", aircall.config().apiToken());
        properties.put("AIRCALL_BASE_URL", aircall.baseUrl());
        properties.put("missive.aircall.rate-limit.requests", LIMIT);
        properties.put("missive.aircall.rate-limit.window", WINDOW.toMillis() + "ms");
        properties.put("missive.aircall.rate-limit.clock-margin", "40ms");
        properties.put("missive.aircall.poll-interval", "100ms");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
        // As command-line arguments, so that they win over application.yml as a deployment's would.
        var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(AircallDispatcherApplication.class).run(args);
    }
}

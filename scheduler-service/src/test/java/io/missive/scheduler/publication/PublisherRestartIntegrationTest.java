package io.missive.scheduler.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.DemoDirectory;
import io.missive.scheduler.SchedulerApplication;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Killing the service in the middle of a campaign's publication and starting it again loses no
 * message: the new instance resumes from the durable cursor, and any message published twice
 * carries the same messageId (so dispatchers dedupe it).
 */
@RealInfrastructure
class PublisherRestartIntegrationTest {

    @Test
    void aRestartMidCampaignLosesNothing(TestNamespace namespace) throws Exception {
        try (var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED);
             var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED)) {
            int accepted;
            var first = start(namespace);
            try {
                var http = new SchedulerHttp(port(first));
                assertThat(http.post("/api/v1/directory/import", DemoDirectory.of(5_000)).status()).isEqualTo(200);
                var reply = http.post("/api/v1/programs", Map.of("commandId", "restart-me",
                        "message", "Bonjour {PRENOM_ENFANT}", "recipients", List.of(Map.of("selector", "tag.t-all")),
                        "plannedAt", Instant.now().plusSeconds(2).toString()));
                assertThat(reply.status()).isEqualTo(202);
                accepted = reply.body().get("accepted").asInt();
                requested.awaitRecords(1, Duration.ofSeconds(30));
                // A crash, not a graceful stop: the database goes away under the publisher mid-batch, so the
                // batch in flight is sent but its cursor never committed, and the lease is never given back.
                first.getBean(HikariDataSource.class).close();
            } finally {
                first.close();
            }
            long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < settle) {
                requested.records();
            }
            int beforeRestart = requested.records().size();
            System.out.println("figure: first instance stopped after publishing " + beforeRestart + " of " + accepted);
            assertThat(beforeRestart).as("stopped mid-campaign").isLessThan(accepted);

            var second = start(namespace);
            try {
                var expected = planned.awaitEvents(MessagePlanned.class, accepted, Duration.ofSeconds(30)).stream()
                        .map(MessagePlanned::getMessageId).collect(Collectors.toSet());
                var ids = new ArrayList<String>();
                await("every accepted message published after the restart").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .untilAsserted(() -> {
                            ids.clear();
                            requested.records();
                            requested.events(MessageRequested.class).forEach(m -> ids.add(m.getMessageId()));
                            assertThat(Set.copyOf(ids)).hasSizeGreaterThanOrEqualTo(accepted);
                        });
                assertThat(Set.copyOf(ids)).isEqualTo(expected);
                System.out.println("figure: after restart " + ids.size() + " records for " + accepted + " messages ("
                        + (ids.size() - accepted) + " re-published, same messageId)");
                var state = new SchedulerHttp(port(second)).get("/api/v1/programs/restart-me").body().get("state").asString();
                assertThat(state).isEqualTo("DONE");
            } finally {
                second.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(TestNamespace namespace) {
        var args = new ArrayList<String>();
        namespace.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--missive.scheduler.batch-size=50");
        args.add("--missive.scheduler.lease=2s");
        return new SpringApplicationBuilder(SchedulerApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

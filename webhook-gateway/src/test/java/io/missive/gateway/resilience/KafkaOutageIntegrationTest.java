package io.missive.gateway.resilience;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayHttp;
import io.missive.schemas.topics.TopicAdmin;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.infra.EmbeddedInfrastructure;
import io.missive.testkit.infra.Infrastructure;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.network.ListenerName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A broker of its own (the shared one cannot be stopped) behind a fixed address: stopped, a callback
 * gets a 503 and nothing is acknowledged; started again, the provider's retry is published exactly once.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class KafkaOutageIntegrationTest {

    /** Where the application and the probes find "Kafka": a fixed address, whatever port the broker binds. */
    private static final TcpForwarder KAFKA_ADDRESS = new TcpForwarder();
    private static EmbeddedKafkaKraftBroker broker = startBroker();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaOutageIntegrationTest::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        stop(broker);
        KAFKA_ADDRESS.close();
    }

    @Test
    void whileKafkaIsDownACallbackGets503AndItsRetryAfterTheRestartIsPublishedOnce(TestNamespace shared) {
        var namespace = onOwnBroker(shared);
        var receipt = "/spot_hit/status" + query("id_message", "7701", "statut", "1", "numero", "0612345678");
        try (var http = new GatewayHttp(port)) {
            try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
                assertThat(http.get("/spot_hit/status" + query("id_message", "7700", "statut", "2")).statusCode()).isEqualTo(200);
                status.awaitEvents(StatusUpdated.class, 1, Duration.ofSeconds(15));
            }

            stop(broker);
            var refused = http.get(receipt);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("retry later");
            // a second attempt while still down: still refused, still nothing acknowledged
            assertThat(http.get(receipt).statusCode()).isEqualTo(503);

            broker = startBroker();
            TopicAdmin.createCatalogTopics(bootstrapServers(), namespace.topicPrefix(), 3);
            // SpotHit retries until it gets a 2xx
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> http.get(receipt).statusCode() == 200);

            try (var status = KafkaProbe.fromBeginning(namespace, Topics.STATUS)) {
                var events = status.awaitEvents(StatusUpdated.class, 1, Duration.ofSeconds(15));
                status.assertNoneArrive(Duration.ofSeconds(3));
                assertThat(status.events(StatusUpdated.class)).hasSize(1);
                assertThat(events.getFirst().getProviderMessageId()).isEqualTo("7701");
                assertThat(events.getFirst().getStatus()).isEqualTo(Status.DELIVERED);
                assertThat(status.records()).extracting(r -> r.key()).containsExactly("7701");
            }
        }
    }

    private static String bootstrapServers() {
        return "localhost:" + KAFKA_ADDRESS.port();
    }

    private static void stop(EmbeddedKafkaKraftBroker kafka) {
        KAFKA_ADDRESS.forwardTo(-1);
        kafka.destroy();
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        // the KRaft test kit binds its own random port (it ignores kafkaPorts()): advertise the fixed address
        var kafka = EmbeddedInfrastructure.newBroker(Map.of("advertised.listeners", "EXTERNAL://" + bootstrapServers()));
        kafka.afterPropertiesSet();
        var broker = kafka.getCluster().brokers().values().iterator().next();
        KAFKA_ADDRESS.forwardTo(broker.boundPort(ListenerName.normalised("EXTERNAL")));
        return kafka;
    }

    /** The test namespace's names and database, on this class's own broker. */
    private static TestNamespace onOwnBroker(TestNamespace shared) {
        var database = shared.infrastructure();
        return new TestNamespace(shared.name(), new Infrastructure() {
            @Override
            public String kafkaBootstrapServers() {
                return bootstrapServers();
            }

            @Override
            public String jdbcUrl(String name) {
                return database.jdbcUrl(name);
            }

            @Override
            public String jdbcUsername() {
                return database.jdbcUsername();
            }

            @Override
            public String jdbcPassword() {
                return database.jdbcPassword();
            }

            @Override
            public void createDatabase(String name) {
                database.createDatabase(name);
            }

            @Override
            public String kind() {
                return "own broker";
            }

            @Override
            public void close() {
            }
        });
    }
}

package io.missive.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.serde.EventSchemas;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.data.SampleEvents;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Every event type of the catalog crosses the real broker through the project serde unchanged. */
@RealInfrastructure
class EventRoundTripIntegrationTest {

    @Test
    void everyEventTypeRoundTripsThroughTheBrokerOnItsCatalogTopic(TestNamespace namespace) {
        var samples = SampleEvents.all();
        assertThat(new HashSet<>(samples.values().stream().map(Object::getClass).toList()))
                .as("a sample of every event type").containsExactlyInAnyOrderElementsOf(EventSchemas.eventTypes());

        try (var producer = new TestProducer(namespace)) {
            for (var topic : Topics.ALL) {
                samples.forEach((key, event) -> {
                    if (topic.carries(event.getClass())) {
                        producer.send(topic, key, event);
                    }
                });
            }
        }

        for (var topic : Topics.ALL) {
            var expected = samples.entrySet().stream().filter(e -> topic.carries(e.getValue().getClass())).toList();
            try (var probe = KafkaProbe.fromBeginning(namespace, topic)) {
                var records = probe.awaitRecords(expected.size(), Duration.ofSeconds(20));
                var received = records.stream().map(r -> new java.util.AbstractMap.SimpleEntry<>(r.key(),
                        (Object) new io.missive.schemas.serde.EventDeserializer().fromBytes(r.value()))).toList();
                assertThat(received).as(topic.name()).containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(e -> new java.util.AbstractMap.SimpleEntry<>(e.getKey(), (Object) e.getValue())).toList());
            }
        }
    }

    @Test
    void eachTestClassGetsItsOwnDatabase(TestNamespace namespace) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(namespace.jdbcUrl(),
                namespace.infrastructure().jdbcUsername(), namespace.infrastructure().jdbcPassword());
             var rows = connection.createStatement().executeQuery("select current_database(), version()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(namespace.database());
            assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
        }
    }
}

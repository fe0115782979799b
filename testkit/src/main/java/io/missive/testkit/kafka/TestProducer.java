package io.missive.testkit.kafka;

import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.topics.Topic;
import io.missive.testkit.TestNamespace;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays an upstream writer in tests: events through the project serde, or raw (malformed) bytes. */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerializer serializer = new EventSerializer();
    private final TestNamespace namespace;

    public TestProducer(TestNamespace namespace) {
        this.namespace = namespace;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, namespace.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void send(Topic topic, String key, SpecificRecord event) {
        sendRaw(topic, key, serializer.toBytes(event));
    }

    /** Sends without waiting; call {@link #flush()} before checking results. */
    public void sendAsync(Topic topic, String key, SpecificRecord event) {
        producer.send(new ProducerRecord<>(namespace.topic(topic), key, serializer.toBytes(event)));
    }

    public void sendRaw(Topic topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic.name() + " failed", e.getCause());
        }
    }

    /** A tombstone on a compacted topic. */
    public void delete(Topic topic, String key) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, null)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}

package io.missive.testkit.kafka;

import io.missive.schemas.serde.EventDeserializer;
import io.missive.schemas.topics.Topic;
import io.missive.testkit.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches one topic of a test namespace: waits for records, or checks that none arrived. It reads
 * from where the topic stood when the probe was opened ({@link #fromNow}) or from its beginning.
 * Values are decoded with the project serde; records that do not decode keep their raw bytes.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventDeserializer deserializer = new EventDeserializer();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final String topicName;

    private KafkaProbe(String bootstrapServers, String topicName, boolean fromBeginning) {
        this.topicName = topicName;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        var partitions = consumer.partitionsFor(topicName, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topicName, info.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
    }

    public static KafkaProbe fromNow(TestNamespace namespace, Topic topic) {
        return new KafkaProbe(namespace.kafkaBootstrapServers(), namespace.topic(topic), false);
    }

    public static KafkaProbe fromBeginning(TestNamespace namespace, Topic topic) {
        return new KafkaProbe(namespace.kafkaBootstrapServers(), namespace.topic(topic), true);
    }

    /** Watches a topic by its full name (a dead-letter topic, say). */
    public static KafkaProbe fromBeginning(TestNamespace namespace, String fullTopicName) {
        return new KafkaProbe(namespace.kafkaBootstrapServers(), fullTopicName, true);
    }

    /** Waits until at least {@code count} records arrived in all; returns every record seen so far. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        if (seen.size() < count) {
            throw new AssertionError("expected " + count + " records on " + topicName + " within " + timeout
                    + ", saw " + seen.size());
        }
        return List.copyOf(seen);
    }

    /** Waits until at least {@code count} decoded events arrived; returns them all, in arrival order. */
    public <T extends SpecificRecord> List<T> awaitEvents(Class<T> type, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> events = events(type);
        while (events.size() < count && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
            events = events(type);
        }
        if (events.size() < count) {
            throw new AssertionError("expected " + count + " " + type.getSimpleName() + " on " + topicName
                    + " within " + timeout + ", saw " + events.size());
        }
        return events;
    }

    /** Waits until at least {@code count} events of the type match; returns those that match, in arrival order. */
    public <T extends SpecificRecord> List<T> awaitEvents(Class<T> type, Predicate<T> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> events = events(type).stream().filter(matching).toList();
        while (events.size() < count && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
            events = events(type).stream().filter(matching).toList();
        }
        if (events.size() < count) {
            throw new AssertionError("expected " + count + " matching " + type.getSimpleName() + " on " + topicName
                    + " within " + timeout + ", saw " + events.size());
        }
        return events;
    }

    /** Waits for the first event of the type that matches. */
    public <T extends SpecificRecord> T awaitEvent(Class<T> type, Predicate<T> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var match = events(type).stream().filter(matching).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("no matching " + type.getSimpleName() + " on " + topicName + " within " + timeout);
            }
            poll(Duration.ofMillis(100));
        }
    }

    /** Fails if any record arrives during the given time. */
    public void assertNoneArrive(Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        int before = seen.size();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        if (seen.size() > before) {
            throw new AssertionError("expected no record on " + topicName + ", " + (seen.size() - before)
                    + " arrived (first key: " + seen.get(before).key() + ")");
        }
    }

    /** Every event of a type seen so far (records that do not decode are skipped). */
    public <T extends SpecificRecord> List<T> events(Class<T> type) {
        var events = new ArrayList<T>();
        for (var record : seen) {
            if (record.value() == null) {
                continue;
            }
            try {
                var event = deserializer.fromBytes(record.value());
                if (type.isInstance(event)) {
                    events.add(type.cast(event));
                }
            } catch (RuntimeException notAnEvent) {
                // raw bytes, e.g. a dead letter: visible through records()
            }
        }
        return events;
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        poll(Duration.ofMillis(50));
        return List.copyOf(seen);
    }

    private void poll(Duration duration) {
        for (var record : consumer.poll(duration)) {
            seen.add(record);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

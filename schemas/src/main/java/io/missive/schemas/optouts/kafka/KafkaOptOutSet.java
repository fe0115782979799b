package io.missive.schemas.optouts.kafka;

import io.missive.events.OptOut;
import io.missive.schemas.optouts.OptOutState;
import io.missive.schemas.optouts.OptOuts;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.serde.EventDeserializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-out set, kept in memory from the compacted {@code missive.optouts} topic: every instance reads every
 * partition from the beginning (no consumer group, nothing committed), so each holds the whole current state —
 * a phone is in the set while its last record is an active {@code OptOut}; an opt-in ({@code active=false}) or a
 * tombstone takes it out.
 *
 * <p>Until the topic has been read up to the end offsets it had at start-up, {@link #optedOutAmong} waits (at most
 * {@code loadTimeout}, then throws so the caller's poll is retried): a message is never sent on a set that is
 * still loading. After that the reader follows the topic within a poll (a few hundred milliseconds).
 */
public final class KafkaOptOutSet implements OptOuts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOptOutSet.class);

    /** The last state of every phone the topic names: opted out (active) or opted back in. */
    private final Map<String, OptOutState> phones = new ConcurrentHashMap<>();
    /**
     * The same for erased parents' phones, which the topic names only by their hash ({@link PhoneHash}). Apart, so that
     * a phone is hashed (a second parse and a SHA-256, for every recipient of every batch) only when there is one.
     */
    private final Map<String, OptOutState> hashedPhones = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final UnaryOperator<String> normalise;
    private final Duration loadTimeout;
    private final EventDeserializer deserializer = new EventDeserializer();
    private final Thread reader;
    private volatile boolean running = true;

    /**
     * @param consumerProperties the service's Kafka consumer settings (bootstrap servers, security); group and
     *                           deserializers are set here
     * @param normalise          how a phone is compared (the one phone normaliser), applied to both sides
     */
    public KafkaOptOutSet(Map<String, Object> consumerProperties, String topic, UnaryOperator<String> normalise, Duration loadTimeout) {
        var properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "optout-set-" + java.util.UUID.randomUUID());
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.normalise = normalise;
        this.loadTimeout = loadTimeout;
        this.reader = Thread.ofVirtual().name("optout-set").unstarted(this::read);
    }

    public KafkaOptOutSet start() {
        reader.start();
        return this;
    }

    @Override
    public Set<String> optedOutAmong(Collection<String> candidates) {
        try {
            if (!loaded.await(loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the opt-out set has not finished reading " + topic + " yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the opt-out set loads", e);
        }
        var found = new HashSet<String>();
        for (var phone : candidates) {
            var state = stateOf(phone);
            if (state != null && state.active()) {
                found.add(phone);
            }
        }
        return found;
    }

    @Override
    public Optional<OptOutState> state(String phone) {
        optedOutAmong(Set.of());
        return Optional.ofNullable(stateOf(phone));
    }

    /** By the phone, or by its hash: an erased parent's opt-out is kept only as the hash (docs/decisions/0022). */
    private @org.jspecify.annotations.Nullable OptOutState stateOf(String phone) {
        var key = normalise.apply(phone);
        var state = phones.get(key);
        return state != null || hashedPhones.isEmpty() ? state : hashedPhones.get(PhoneHash.of(key));
    }

    /**
     * Reads until closed. A retriable Kafka failure (a metadata or offsets timeout while the broker is slow or
     * away) does not end the reader: it starts over from the beginning after a pause, which re-applies every
     * record onto the same last-write-wins map. Ending it instead would leave the set loading forever and every
     * dispatch waiting on it.
     */
    private void read() {
        try {
            while (running) {
                try {
                    follow();
                } catch (RetriableException e) {
                    LOG.warn("event=optout_set_retrying topic={} error={}", topic, e.toString());
                    Thread.sleep(1_000);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("event=optout_set_stopped topic={} error={}", topic, e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void follow() throws InterruptedException {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                Thread.sleep(500);
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        checkLoaded(ends);
        while (running) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                apply(record.key(), record.value());
            }
            if (loaded.getCount() > 0) {
                checkLoaded(ends);
            }
        }
    }

    private void checkLoaded(Map<TopicPartition, Long> ends) {
        for (var end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        loaded.countDown();
        LOG.info("event=optout_set_loaded topic={} phones={}", topic, phones.size() + hashedPhones.size());
    }

    private void apply(String key, byte[] value) {
        if (value == null) {
            if (key != null) {
                var phone = normalise.apply(key);
                mapOf(phone).remove(phone);
            }
            return;
        }
        try {
            if (deserializer.fromBytes(value) instanceof OptOut optOut) {
                var phone = normalise.apply(optOut.getPhone());
                mapOf(phone).put(phone, new OptOutState(optOut.getActive(), optOut.getProvider()));
            }
        } catch (RuntimeException e) {
            // The topic's own consumers send such a record to the DLT; here it is only not part of the set.
            LOG.warn("event=optout_record_unreadable topic={} error={}", topic, e.toString());
        }
    }

    private Map<String, OptOutState> mapOf(String phone) {
        return PhoneHash.isHash(phone) ? hashedPhones : phones;
    }

    /** Whether the reader still follows the topic (it ends only on {@link #close()} or an unexpected failure). */
    boolean reading() {
        return reader.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.missive.schemas.spring;

import io.missive.schemas.topics.Topic;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events to catalog topics through the idempotent, {@code acks=all} producer. It refuses
 * an event type that the catalog does not list for the topic, so a wrong topic fails in tests.
 */
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final TopicNames names;

    public EventPublisher(KafkaTemplate<Object, Object> template, TopicNames names) {
        this.template = template;
        this.names = names;
    }

    public CompletableFuture<SendResult<Object, Object>> publish(Topic topic, String key, SpecificRecord event) {
        if (!topic.carries(event.getClass())) {
            throw new IllegalArgumentException(topic.name() + " does not carry " + event.getClass().getSimpleName());
        }
        return template.send(names.of(topic), key, event);
    }

    /** Publishes and waits for the broker's acknowledgement (a webhook's 2xx, a command's reply). */
    public void publishAndWait(Topic topic, String key, SpecificRecord event, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        publish(topic, key, event).get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Publishes many and waits until every one is acknowledged: the batched path. */
    public void publishAllAndWait(Topic topic, Collection<Keyed> events, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<CompletableFuture<SendResult<Object, Object>>> sends = events.stream()
                .map(keyed -> publish(topic, keyed.key(), keyed.event()))
                .toList();
        template.flush();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public TopicNames names() {
        return names;
    }

    /** An event with its record key. */
    public record Keyed(String key, SpecificRecord event) {
    }
}

package io.missive.gateway.publishing.kafka;

import io.missive.gateway.publishing.DeadLetters;
import io.missive.gateway.publishing.EventsUnavailable;
import io.missive.schemas.spring.TopicNames;
import io.missive.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/** Dead letters as raw bytes with the reason in Spring Kafka's dead-letter header, so one tool reads both kinds. */
public final class KafkaDeadLetters implements DeadLetters {

    private final KafkaTemplate<Object, Object> template;
    private final TopicNames names;
    private final Duration timeout;

    public KafkaDeadLetters(KafkaTemplate<Object, Object> template, TopicNames names, Duration timeout) {
        this.template = template;
        this.names = names;
        this.timeout = timeout;
    }

    @Override
    public void deadLetter(Topic topic, String key, String raw, String reason) {
        var record = new ProducerRecord<Object, Object>(names.deadLetterOf(topic), key, raw.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailable("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventsUnavailable("dead letter not acknowledged by Kafka", e);
        }
    }
}

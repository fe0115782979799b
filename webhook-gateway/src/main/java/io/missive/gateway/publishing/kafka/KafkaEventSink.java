package io.missive.gateway.publishing.kafka;

import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.EventsUnavailable;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.schemas.spring.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes through the shared idempotent, {@code acks=all} producer and waits for the acknowledgements. */
public final class KafkaEventSink implements EventSink {

    private final EventPublisher publisher;
    private final Duration timeout;

    public KafkaEventSink(EventPublisher publisher, Duration timeout) {
        this.publisher = publisher;
        this.timeout = timeout;
    }

    @Override
    public void publishAll(List<OutgoingEvent> events) {
        publishAll(events, timeout);
    }

    @Override
    public void publishAll(List<OutgoingEvent> events, Duration wait) {
        if (events.isEmpty()) {
            return;
        }
        var sends = new ArrayList<CompletableFuture<?>>(events.size());
        try {
            for (var event : events) {
                sends.add(publisher.publish(event.topic(), event.key(), event.event()));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EventsUnavailable("the broker did not acknowledge: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventsUnavailable("no acknowledgement from the broker within " + wait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailable("interrupted while waiting for the broker", e);
        } catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
            // send() itself fails when the broker cannot be reached for metadata within max.block.ms
            throw new EventsUnavailable("the broker is unreachable: " + e.getMessage(), e);
        }
    }
}

package io.missive.spothit.dispatch.kafka;

import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.topics.Topics;
import io.missive.spothit.dispatch.StatusChange;
import io.missive.spothit.dispatch.StatusPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@code StatusUpdated} keyed by messageId and waits for the broker. Event ids derive from
 * the message and its outcome, so announcing a status again (after a redelivery) is recognised
 * downstream as the same event.
 */
public class KafkaStatusPublisher implements StatusPort {

    static final String SOURCE = "spothit-dispatcher";

    private final EventPublisher publisher;
    private final Duration timeout;

    public KafkaStatusPublisher(EventPublisher publisher, Duration timeout) {
        this.publisher = publisher;
        this.timeout = timeout;
    }

    @Override
    public void publish(List<? extends StatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var now = Instant.now();
        var events = changes.stream()
                .map(change -> new EventPublisher.Keyed(change.messageId(), event(change, now)))
                .toList();
        try {
            publisher.publishAllAndWait(Topics.STATUS, events, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing statuses", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("statuses not acknowledged by Kafka", e);
        }
    }

    static StatusUpdated event(StatusChange change, Instant now) {
        var builder = StatusUpdated.newBuilder()
                .setOccurredAt(now)
                .setMessageId(change.messageId())
                .setProvider(Provider.SPOTHIT)
                .setPhone(change.phone())
                .setSource(SOURCE);
        return switch (change) {
            // One id per message: a redelivered poll announces the same event again.
            case StatusChange.InProgress inProgress -> builder
                    .setEventId(MessageIds.eventIdFrom(SOURCE, inProgress.messageId(), Status.IN_PROGRESS.name(), ""))
                    .setStatus(Status.IN_PROGRESS)
                    .setAttempts(null)
                    .build();
            case StatusChange.Sent sent -> builder
                    .setAttempts(sent.attempts())
                    .setEventId(MessageIds.eventIdFrom(SOURCE, sent.messageId(), Status.SENT.name(), sent.spotHitMessageId()))
                    .setStatus(Status.SENT)
                    .setProviderMessageId(sent.spotHitMessageId())
                    .setChannel(sent.channel())
                    .setFallback(sent.fallback())
                    .setReason(sent.note())
                    .build();
            case StatusChange.Failed failed -> builder
                    .setAttempts(failed.attempts())
                    .setEventId(MessageIds.eventIdFrom(SOURCE, failed.messageId(), Status.FAILED.name(), failed.reason()))
                    .setStatus(Status.FAILED)
                    .setReason(failed.reason())
                    .setCallId(failed.callId())
                    .build();
            // The first park keeps the id it always had; a later announced park is an event of its own.
            case StatusChange.Retrying retrying -> builder
                    .setEventId(retrying.parks() <= 1
                            ? MessageIds.eventIdFrom(SOURCE, retrying.messageId(), Status.IN_PROGRESS.name(), StatusChange.RETRYING)
                            : MessageIds.eventIdFrom(SOURCE, retrying.messageId(), Status.IN_PROGRESS.name(), StatusChange.RETRYING,
                                    Integer.toString(retrying.parks())))
                    .setStatus(Status.IN_PROGRESS)
                    .setReason(StatusChange.RETRYING)
                    .setNextAttemptAt(retrying.nextAttemptAt())
                    .build();
        };
    }
}

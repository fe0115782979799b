package io.missive.aircall.dispatch.kafka;

import io.missive.aircall.dispatch.StatusPort;
import io.missive.aircall.dispatch.LedgerEntry;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.EventPublisher.Keyed;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Announces ledger changes: {@code StatusUpdated} (SENT, IN_PROGRESS while retrying, FAILED) keyed
 * by messageId, and for a sent message the outbound {@code AircallMessageRecorded} keyed by its
 * Aircall id. Event ids derive from the message and its state, so a repeated announcement is
 * recognised downstream.
 */
public class KafkaStatusPublisher implements StatusPort {

    static final String SOURCE = "aircall-dispatcher";

    private final EventPublisher publisher;
    private final Clock clock;
    private final long timeoutMillis;

    public KafkaStatusPublisher(EventPublisher publisher, Clock clock, long timeoutMillis) {
        this.publisher = publisher;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void publish(List<LedgerEntry> changes) {
        var statuses = new ArrayList<Keyed>();
        var records = new ArrayList<Keyed>();
        for (var change : changes) {
            var message = change.message();
            var status = switch (change.state()) {
                case SENT -> Status.SENT;
                case FAILED -> Status.FAILED;
                case PENDING, SENDING -> Status.IN_PROGRESS;
            };
            statuses.add(new Keyed(message.messageId(), StatusUpdated.newBuilder()
                    .setEventId(MessageIds.eventIdFrom(SOURCE, message.messageId(), status.name(), Integer.toString(change.attempts())))
                    .setOccurredAt(clock.instant())
                    .setMessageId(message.messageId())
                    .setProvider(Provider.AIRCALL)
                    .setProviderMessageId(change.aircallMessageId())
                    .setPhone(message.phone())
                    .setStatus(status)
                    .setReason(status == Status.SENT ? null : change.reason())
                    .setSource(SOURCE)
                    .setAttempts(change.attempts())
                    .build()));
            if (status == Status.SENT && change.aircallMessageId() != null) {
                records.add(new Keyed(change.aircallMessageId(), AircallMessageRecorded.newBuilder()
                        .setEventId(MessageIds.eventIdFrom(SOURCE, "recorded", change.aircallMessageId()))
                        .setOccurredAt(clock.instant())
                        .setAircallMessageId(change.aircallMessageId())
                        .setMessageId(message.messageId())
                        .setParentId(message.parentId())
                        .setCallerId(message.supporterId())
                        .setNumberId(message.numberId())
                        .setPhone(message.phone())
                        .setBody(message.body())
                        .setStatus("sent")
                        .setDirection("outbound")
                        .build()));
            }
        }
        try {
            if (!records.isEmpty()) {
                publisher.publishAllAndWait(Topics.AIRCALL_MESSAGES, records, timeoutMillis);
            }
            publisher.publishAllAndWait(Topics.STATUS, statuses, timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while announcing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("announcing " + changes.size() + " changes failed", e);
        }
    }
}

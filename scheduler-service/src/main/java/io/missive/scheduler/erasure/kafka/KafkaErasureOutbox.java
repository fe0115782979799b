package io.missive.scheduler.erasure.kafka;

import io.missive.events.ParentErased;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.erasure.ErasureOutbox;
import io.missive.scheduler.erasure.ErasureRequest;
import io.missive.scheduler.erasure.ErasureStore;
import io.missive.scheduler.erasure.ParentErasures;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The erasure's events. The directory tombstone ({@code parent:ID}, null value) goes through the template: the
 * publisher's type check has no type for a delete. Failures carry no phone, so the tracker's row stays redacted.
 */
public class KafkaErasureOutbox implements ErasureOutbox {

    private static final long ACK_TIMEOUT_MS = 30_000;

    private final EventPublisher publisher;
    private final KafkaTemplate<Object, Object> template;
    private final Clock clock;

    public KafkaErasureOutbox(EventPublisher publisher, KafkaTemplate<Object, Object> template, Clock clock) {
        this.publisher = publisher;
        this.template = template;
        this.clock = clock;
    }

    public static ParentErased toEvent(ErasureRequest request) {
        return ParentErased.newBuilder().setEventId(MessageIds.eventIdFrom("erasure-request", request.erasureId()))
                .setOccurredAt(request.requestedAt()).setErasureId(request.erasureId()).setParentId(request.parentId())
                .setPhones(request.phones()).setAuthor(request.author()).setReason(request.reason()).build();
    }

    public static ErasureRequest toDomain(ParentErased event) {
        return new ErasureRequest(event.getErasureId(), event.getParentId(), event.getPhones(), event.getAuthor(), event.getReason(),
                event.getOccurredAt());
    }

    @Override
    public void request(ErasureRequest request) {
        await(() -> {
            publisher.publishAndWait(Topics.COMMANDS, request.erasureId(), toEvent(request), ACK_TIMEOUT_MS);
            template.send(publisher.names().of(Topics.DIRECTORY), "parent:" + request.parentId(), null)
                    .get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void failed(List<ErasureStore.Cancelled> messages) {
        if (messages.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var events = messages.stream().map(m -> new EventPublisher.Keyed(m.messageId(), StatusUpdated.newBuilder()
                .setEventId(MessageIds.eventIdFrom(m.messageId(), "failed", Erasures.REASON))
                .setOccurredAt(now).setMessageId(m.messageId()).setProvider(Provider.valueOf(m.provider()))
                .setStatus(Status.FAILED).setReason(Erasures.REASON).setSource(ParentErasures.SERVICE).build())).toList();
        await(() -> publisher.publishAllAndWait(Topics.STATUS, events, ACK_TIMEOUT_MS));
    }

    @Override
    public void confirmed(ErasureRequest request, Map<String, Long> removed) {
        await(() -> publisher.publishAndWait(Topics.ERASURES, request.parentId(),
                Erasures.confirmed(toEvent(request), ParentErasures.SERVICE, removed, Erasures.KEPT_OPT_OUT, clock.instant()),
                ACK_TIMEOUT_MS));
    }

    private interface Send {
        void run() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static void await(Send send) {
        try {
            send.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing an erasure", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge an erasure event", e);
        }
    }
}

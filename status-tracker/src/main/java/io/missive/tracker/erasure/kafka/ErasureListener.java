package io.missive.tracker.erasure.kafka;

import io.missive.events.ErasureConfirmed;
import io.missive.events.ParentErased;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import io.missive.tracker.erasure.Confirmation;
import io.missive.tracker.erasure.ErasureStore;
import io.missive.tracker.erasure.ParentErasure;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The tracker's two erasure streams. From {@code missive.commands} it takes {@code ParentErased} only (the scheduler
 * owns the other commands): it erases the Events store, then confirms on {@code missive.erasures}, after the commit, so
 * a crash in between erases again (idempotent) and confirms. From {@code missive.erasures} it keeps every service's
 * confirmation, its own included, for {@code GET /api/v1/erasures/{id}}.
 */
public class ErasureListener {

    public static final String SERVICE = "status-tracker";
    private static final Logger LOG = LoggerFactory.getLogger(ErasureListener.class);

    private final ErasureStore store;
    private final EventPublisher publisher;
    private final Clock clock;

    public ErasureListener(ErasureStore store, EventPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.COMMANDS_NAME, groupId = Topics.PREFIX + "status-tracker-erasures", containerFactory = MissiveKafkaAutoConfiguration.SIDE_READER_FACTORY)
    public void onCommand(ConsumerRecord<String, @Nullable Object> record)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!(record.value() instanceof ParentErased command)) {
            return;
        }
        var removed = store.erase(new ParentErasure(command.getErasureId(), command.getParentId(), command.getPhones(),
                command.getAuthor(), command.getReason(), command.getOccurredAt()));
        publisher.publishAndWait(Topics.ERASURES, command.getParentId(),
                Erasures.confirmed(command, SERVICE, removed, Erasures.KEPT_OPT_OUT, clock.instant()), 30_000);
        LOG.info("event=parent_erased erasureId={} parentId={} removed={}", command.getErasureId(), command.getParentId(), removed);
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.ERASURES_NAME, groupId = Topics.PREFIX + "status-tracker-confirmations")
    public void onConfirmation(ConsumerRecord<String, @Nullable Object> record) {
        if (record.value() instanceof ErasureConfirmed confirmed) {
            store.confirmed(new Confirmation(confirmed.getErasureId(), confirmed.getService(), confirmed.getParentId(),
                    new LinkedHashMap<>(confirmed.getRemoved()), confirmed.getKept(), confirmed.getOccurredAt()));
        }
    }
}

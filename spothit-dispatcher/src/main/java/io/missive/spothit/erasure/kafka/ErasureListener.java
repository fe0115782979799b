package io.missive.spothit.erasure.kafka;

import io.missive.events.ParentErased;
import io.missive.events.Provider;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import io.missive.spothit.erasure.LedgerErasure;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * {@code ParentErased} from missive.commands (the other commands are the scheduler's): erases the ledger, announces
 * the stopped messages {@code FAILED ERASED}, then confirms on missive.erasures. Idempotent: a redelivery confirms again.
 */
public class ErasureListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureListener.class);
    private static final long ACK_TIMEOUT_MS = 30_000;

    private final LedgerErasure ledger;
    private final EventPublisher publisher;
    private final Clock clock;

    public ErasureListener(LedgerErasure ledger, EventPublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.COMMANDS_NAME, groupId = Topics.PREFIX + "spothit-erasures", containerFactory = MissiveKafkaAutoConfiguration.SIDE_READER_FACTORY)
    public void on(ConsumerRecord<String, @Nullable Object> record) throws InterruptedException, ExecutionException, TimeoutException {
        if (!(record.value() instanceof ParentErased request)) {
            return;
        }
        var outcome = ledger.erase(request.getPhones());
        var now = clock.instant();
        publisher.publishAllAndWait(Topics.STATUS, outcome.failed().stream()
                .map(id -> new EventPublisher.Keyed(id, Erasures.failed(id, Provider.SPOTHIT, LedgerErasure.SERVICE, now))).toList(),
                ACK_TIMEOUT_MS);
        publisher.publishAndWait(Topics.ERASURES, request.getParentId(),
                Erasures.confirmed(request, LedgerErasure.SERVICE, outcome.removed(), null, now), ACK_TIMEOUT_MS);
        LOG.info("event=parent_erased erasureId={} parentId={} removed={}", request.getErasureId(), request.getParentId(), outcome.removed());
    }
}

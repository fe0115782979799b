package io.missive.aircall.erasure.kafka;

import io.missive.aircall.erasure.LedgerErasure;
import io.missive.events.ParentErased;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** {@code ParentErased} from missive.commands: erases the ledger, then confirms on missive.erasures. Idempotent. */
public class ErasureListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureListener.class);

    private final LedgerErasure ledger;
    private final EventPublisher publisher;
    private final Clock clock;

    public ErasureListener(LedgerErasure ledger, EventPublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.COMMANDS_NAME, groupId = Topics.PREFIX + "aircall-erasures", containerFactory = MissiveKafkaAutoConfiguration.SIDE_READER_FACTORY)
    public void on(ConsumerRecord<String, @Nullable Object> record) throws InterruptedException, ExecutionException, TimeoutException {
        if (!(record.value() instanceof ParentErased request)) {
            return;
        }
        var removed = ledger.erase(request.getParentId(), request.getPhones());
        publisher.publishAndWait(Topics.ERASURES, request.getParentId(),
                Erasures.confirmed(request, LedgerErasure.SERVICE, removed, null, clock.instant()), 30_000);
        LOG.info("event=parent_erased erasureId={} parentId={} removed={}", request.getErasureId(), request.getParentId(), removed);
    }
}

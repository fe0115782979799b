package io.missive.scheduler.erasure.kafka;

import io.missive.events.ParentErased;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.erasure.ParentErasures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * {@code ParentErased} from missive.commands, in a consumer group of its own: an erasure waits neither for a large
 * campaign's acceptance nor the other way round. Erasing is idempotent, so a redelivery erases nothing more and confirms again.
 */
public class ErasureListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureListener.class);

    private final ParentErasures erasures;

    public ErasureListener(ParentErasures erasures) {
        this.erasures = erasures;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.COMMANDS_NAME, groupId = Topics.PREFIX + "scheduler-erasures", containerFactory = MissiveKafkaAutoConfiguration.SIDE_READER_FACTORY)
    public void on(ConsumerRecord<String, @Nullable Object> record) {
        if (record.value() instanceof ParentErased erasure) {
            var outcome = erasures.erase(KafkaErasureOutbox.toDomain(erasure));
            LOG.info("event=parent_erased erasureId={} parentId={} cancelled={} removed={}", erasure.getErasureId(),
                    erasure.getParentId(), outcome.cancelled().size(), outcome.removed());
        }
    }
}

package io.missive.tracker.audit.kafka;

import io.missive.events.AuditRecorded;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.topics.Topics;
import io.missive.tracker.audit.AuditEntry;
import io.missive.tracker.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Feeds the audit log from {@code missive.audit}, a batch at a time; offsets are committed once the batch is stored,
 * so an entry is never lost, and its event id keeps a redelivered one from being stored twice. Undecodable records
 * go to {@code missive.audit.DLT}.
 */
public class AuditListener {

    private static final Logger LOG = LoggerFactory.getLogger(AuditListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(AuditListener.class);

    private final AuditLog log;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final OutagePolicy outages;

    public AuditListener(AuditLog log, DeadLetterPublishingRecoverer deadLetters, OutagePolicy outages) {
        this.log = log;
        this.deadLetters = deadLetters;
        this.outages = outages;
    }

    @KafkaListener(id = "tracker-audit", idIsGroup = false,
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY, topics = Topics.PREFIX + Topics.AUDIT_NAME)
    public void onBatch(List<ConsumerRecord<String, Object>> records) {
        var entries = new ArrayList<AuditEntry>(records.size());
        for (var record : records) {
            switch (record.value()) {
                case AuditRecorded audit -> entries.add(new AuditEntry(audit.getEventId(), audit.getActor(), audit.getAct(),
                        audit.getTarget(), audit.getDetails(), audit.getAt(), audit.getFrom(), audit.getService()));
                case null -> {
                    var malformed = SerializationUtils.getExceptionFromHeader(record,
                            SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
                    if (malformed != null) {
                        deadLetters.accept(record, malformed);
                    }
                }
                default -> deadLetters.accept(record, new IllegalArgumentException(
                        "missive.audit does not carry " + record.value().getClass().getName()));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        int added = outages.call("audit_batch entries=" + entries.size(), () -> log.append(entries));
        LOG.debug("event=audit_batch_stored records={} added={}", records.size(), added);
    }
}

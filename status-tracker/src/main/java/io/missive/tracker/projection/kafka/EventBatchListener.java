package io.missive.tracker.projection.kafka;

import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.topics.Topics;
import io.missive.tracker.projection.BatchOutcome;
import io.missive.tracker.projection.EventProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads every topic the tracker projects in batches and applies each batch in one transaction. A
 * record that does not decode (or holds an event the tracker does not project) goes to its topic's
 * DLT and the rest of the batch is applied; offsets are committed only after the transaction.
 */
public class EventBatchListener {

    private static final Logger log = LoggerFactory.getLogger(EventBatchListener.class);

    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(EventBatchListener.class);

    private final EventProjection projection;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Consumer<BatchOutcome> afterCommit;
    private final OutagePolicy outages;

    public EventBatchListener(EventProjection projection, DeadLetterPublishingRecoverer deadLetters,
                              Consumer<BatchOutcome> afterCommit, OutagePolicy outages) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.afterCommit = afterCommit;
        this.outages = outages;
    }

    @KafkaListener(id = "tracker-projection", idIsGroup = false,
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY, topics = {
            Topics.PREFIX + Topics.PLANNED_NAME,
            Topics.PREFIX + Topics.STATUS_NAME,
            Topics.PREFIX + Topics.INBOUND_NAME,
            Topics.PREFIX + Topics.OPTOUTS_NAME,
            Topics.PREFIX + Topics.LINKS_CLICKED_NAME,
            Topics.PREFIX + Topics.AIRCALL_MESSAGES_NAME,
            Topics.PREFIX + Topics.AIRCALL_CALLS_NAME})
    public void onBatch(List<ConsumerRecord<String, Object>> records) {
        var events = new ArrayList<SpecificRecord>(records.size());
        for (var record : records) {
            switch (record.value()) {
                case SpecificRecord event when EventProjection.PROJECTED.contains(event.getClass()) -> events.add(event);
                case null -> {
                    var malformed = SerializationUtils.getExceptionFromHeader(record,
                            SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
                    if (malformed != null) {
                        deadLetter(record, malformed);
                    }
                    // otherwise a tombstone (compacted opt-outs): nothing to project
                }
                default -> deadLetter(record, new IllegalArgumentException(
                        "the tracker does not project " + record.value().getClass().getName()));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // The database briefly away is no reason to dead-letter a batch of good events: the batch is
        // applied again (a redelivered event changes nothing, decision 0502) as the outage policy says,
        // within the tracker's outage-tolerance (below max.poll.interval), then left to the error handler.
        var outcome = outages.call("projection_batch events=" + events.size(), () -> projection.apply(events));
        afterCommit.accept(outcome);
        log.debug("event=batch_applied records={} applied={} duplicates={} anomalies={}",
                records.size(), outcome.appliedTotal(), outcome.duplicates(), outcome.anomalies());
    }

    private void deadLetter(ConsumerRecord<String, Object> record, Exception cause) {
        log.warn("event=dead_letter topic={} partition={} offset={} cause={}",
                record.topic(), record.partition(), record.offset(), cause.getMessage());
        deadLetters.accept(record, cause);
    }
}

package io.missive.schemas.topics;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One entry of the topic catalog.
 *
 * @param name       the topic's name, without the deployment's prefix
 * @param key        what the record key holds (documentation and tests)
 * @param valueTypes the event types a record's value may hold
 * @param partitions partitions to create
 * @param compacted  whether the topic is log-compacted (latest value per key, tombstone = delete)
 * @param writer     the one service that writes it ("any" for the shared status stream and the audit trail)
 */
public record Topic(
        String name,
        String key,
        List<Class<? extends SpecificRecord>> valueTypes,
        int partitions,
        boolean compacted,
        String writer) {

    public Topic {
        valueTypes = List.copyOf(valueTypes);
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
    }

    /** The dead-letter topic beside this one, where malformed records go with their error headers. */
    public String deadLetterName() {
        return name + Topics.DEAD_LETTER_SUFFIX;
    }

    public boolean carries(Class<? extends SpecificRecord> type) {
        return valueTypes.contains(type);
    }
}

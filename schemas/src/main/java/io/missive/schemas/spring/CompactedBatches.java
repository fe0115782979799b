package io.missive.schemas.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * What every reader of a compacted topic ({@code missive.directory}) does with a batch: find the first record
 * the deserializer could not read, and keep only the last record of each key.
 */
public final class CompactedBatches {

    private CompactedBatches() {
    }

    /**
     * In a batch, a record the deserializer could not read arrives with a null value, like a tombstone. The
     * records before it are applied first (the error handler commits them), then naming it sends it to the DLT
     * instead of deleting an entry, and the records after it are delivered again. -1 when every record was read.
     */
    public static int firstUndecodable(List<ConsumerRecord<String, @Nullable Object>> records) {
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            if (record.value() == null && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The last value of each key, in the order keys first appear; a null value is a tombstone. Keyless records are skipped. */
    public static Map<String, @Nullable Object> lastPerKey(List<ConsumerRecord<String, @Nullable Object>> records) {
        var last = new LinkedHashMap<String, @Nullable Object>();
        for (var record : records) {
            if (record.key() != null) {
                last.put(record.key(), record.value());
            }
        }
        return last;
    }
}

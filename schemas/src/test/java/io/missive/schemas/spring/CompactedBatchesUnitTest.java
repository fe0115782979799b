package io.missive.schemas.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.SerializationUtils;

class CompactedBatchesUnitTest {

    @Test
    void theLastValueOfEachKeyCountsAndATombstoneIsKeptAsNull() {
        var last = CompactedBatches.lastPerKey(List.of(record(0, "parent:1", "a"), record(1, "child:2", "b"),
                record(2, "parent:1", null), record(3, null, "keyless"), record(4, "child:2", "c")));

        assertThat(last.keySet()).containsExactly("parent:1", "child:2");
        assertThat(last.get("parent:1")).isNull();
        assertThat(last.get("child:2")).isEqualTo("c");
    }

    @Test
    void aNullValueIsUndecodableOnlyWhenTheDeserializerSaidSo() {
        var tombstone = record(0, "parent:1", null);
        var undecodable = record(1, "parent:2", null);
        undecodable.headers().add(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new byte[] {1});

        assertThat(CompactedBatches.firstUndecodable(List.of(tombstone, record(2, "parent:3", "x")))).isEqualTo(-1);
        assertThat(CompactedBatches.firstUndecodable(List.of(tombstone, undecodable, record(2, "parent:3", "x")))).isEqualTo(1);
    }

    private static ConsumerRecord<String, @Nullable Object> record(long offset, @Nullable String key, @Nullable Object value) {
        return new ConsumerRecord<>("missive.directory", 0, offset, key, value);
    }
}

package io.missive.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * The one Kafka serializer for Missive events: Avro single-object encoding (marker C3 01, the
 * 64-bit schema fingerprint, then the datum), so that a reader finds the writer's schema without a
 * registry. A null value stays null: a tombstone on a compacted topic.
 */
public final class EventSerializer implements Serializer<SpecificRecord> {

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable SpecificRecord event) {
        if (event == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoderFor(event).encode(event);
            var bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot serialize " + event.getClass().getSimpleName() + " for " + topic, e);
        }
    }

    /** The same encoding outside Kafka (tests, files). */
    public byte[] toBytes(SpecificRecord event) {
        var bytes = serialize("", event);
        if (bytes == null) {
            throw new IllegalStateException("unreachable: a non-null event encodes to bytes");
        }
        return bytes;
    }

    private BinaryMessageEncoder<SpecificRecord> encoderFor(SpecificRecord event) {
        return encoders.computeIfAbsent(event.getClass(),
                type -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), event.getSchema()));
    }
}

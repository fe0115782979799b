package io.missive.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * The one Kafka deserializer for Missive events. It reads the writer's fingerprint, finds the
 * schema in {@link EventSchemas} (current or historical) and decodes into the current generated
 * class. Unknown or malformed bytes throw a {@link SerializationException}, which Spring Kafka's
 * {@code ErrorHandlingDeserializer} turns into a dead letter instead of a stuck consumer.
 */
public final class EventDeserializer implements Deserializer<SpecificRecord> {

    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final EventSchemas schemas = EventSchemas.get();
    private final Map<Class<?>, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

    @Override
    public @Nullable SpecificRecord deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new SerializationException("not an Avro single-object record on " + topic
                    + " (" + data.length + " bytes without the C3 01 marker)");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        var type = schemas.readerFor(fingerprint);
        if (type == null) {
            throw new SerializationException("unknown schema fingerprint " + Long.toHexString(fingerprint)
                    + " on " + topic + ": not a Missive event schema, current or historical");
        }
        try {
            return decoderFor(type).decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("malformed " + type.getSimpleName() + " on " + topic, e);
        }
    }

    /** The same decoding outside Kafka. */
    public SpecificRecord fromBytes(byte[] data) {
        var event = deserialize("", data);
        if (event == null) {
            throw new SerializationException("no bytes to decode");
        }
        return event;
    }

    private BinaryMessageDecoder<SpecificRecord> decoderFor(Class<? extends SpecificRecord> type) {
        return decoders.computeIfAbsent(type, t -> new BinaryMessageDecoder<>(
                SpecificData.getForClass(type), EventSchemas.currentSchema(type), schemas));
    }
}

package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.events.Channel;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.serde.EventDeserializer;
import io.missive.schemas.serde.EventSchemas;
import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.serde.SchemaEvolution;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * READ reaches readers in two steps (docs/decisions/0012): v2 gave {@code Status} a default symbol,
 * v3 added READ. Both orders of deployment must work for every reader from v2 on: writers first
 * (an old reader meets READ) and readers first (a new reader meets old data).
 */
class StatusReadEvolutionUnitTest {

    private static final List<Schema> HISTORY = EventSchemas.get().history(StatusUpdated.class);
    private static final Schema V1 = HISTORY.get(0);
    private static final Schema V2 = HISTORY.get(1);

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void writersFirstAReaderOfTheDefaultVersionReadsReadAsDelivered() throws Exception {
        var bytes = serializer.toBytes(read());

        GenericRecord decoded = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), V2, EventSchemas.get())
                .decode(ByteBuffer.wrap(bytes));

        assertThat(decoded.get("status")).hasToString("DELIVERED");
        assertThat(decoded.get("messageId")).hasToString("m-1");
        assertThat(decoded.getSchema().getField("channel")).as("a v2 reader ignores the new fields").isNull();
    }

    @Test
    void aReaderFromBeforeTheDefaultCannotReadRead() {
        var bytes = serializer.toBytes(read());
        var decoder = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), V1, EventSchemas.get());

        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes)))
                .as("why the default symbol had to ship, alone, before READ")
                .isInstanceOf(AvroTypeException.class).hasMessageContaining("READ");
    }

    @Test
    void readersFirstTheCurrentReaderReadsDataOfEveryEarlierWriter() throws Exception {
        for (var writer : List.of(V1, V2)) {
            var old = new GenericData.Record(writer);
            old.put("eventId", "e-old");
            old.put("occurredAt", 1_000L);
            old.put("messageId", "m-old");
            old.put("status", new GenericData.EnumSymbol(writer.getField("status").schema(), "DELIVERED"));
            old.put("source", "spothit");
            var bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(old).array();

            var decoded = (StatusUpdated) deserializer.fromBytes(bytes);

            assertThat(decoded.getStatus()).isEqualTo(Status.DELIVERED);
            assertThat(decoded.getChannel()).isNull();
            assertThat(decoded.getFallback()).isFalse();
        }
    }

    @Test
    void readIsForwardCompatibleOnlyFromTheVersionWithTheDefault() {
        var current = EventSchemas.currentSchema(StatusUpdated.class);

        assertThat(EventSchemas.oldestReader(StatusUpdated.class)).isEqualTo(2);
        assertThat(SchemaEvolution.problems(current, HISTORY, 2)).isEmpty();
        assertThat(SchemaEvolution.problems(current, HISTORY, 1))
                .singleElement().asString().contains("against v1").contains("forward").contains("READ");
    }

    @Test
    void theDefaultVersionAloneChangedNothingAReaderCouldSee() {
        assertThat(V2.getField("status").schema().getEnumDefault()).isEqualTo("DELIVERED");
        assertThat(SchemaEvolution.problems(V2, List.of(V1))).isEmpty();
    }

    private static StatusUpdated read() {
        return StatusUpdated.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.ofEpochMilli(2_000)).setMessageId("m-1")
                .setProvider(Provider.SPOTHIT).setStatus(Status.READ).setSource("spothit")
                .setChannel(Channel.RCS_BASIC).setFallback(false).build();
    }
}

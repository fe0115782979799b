package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * v4 names the call of a FAILED UNKNOWN_OUTCOME (docs/decisions/0504) and the next attempt of a message
 * waiting for its provider (0205): optional fields, so that a dispatcher on v4 and a tracker on v3 work
 * in either order of deployment.
 */
class StatusCallIdEvolutionUnitTest {

    private static final List<Schema> HISTORY = EventSchemas.get().history(StatusUpdated.class);
    private static final Schema V3 = HISTORY.get(2);

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void theCurrentSchemaIsV4AndCompatibleWithEveryReaderFromV2() {
        assertThat(HISTORY).hasSize(4);
        assertThat(EventSchemas.fingerprint(HISTORY.get(3))).isEqualTo(EventSchemas.fingerprint(StatusUpdated.getClassSchema()));
        assertThat(SchemaEvolution.problems(StatusUpdated.getClassSchema(), List.of(V3))).isEmpty();
    }

    @Test
    void writersFirstAV3ReaderReadsAnUnknownOutcomeWithoutItsCall() throws Exception {
        var bytes = serializer.toBytes(unknownOutcome());

        GenericRecord decoded = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), V3, EventSchemas.get())
                .decode(ByteBuffer.wrap(bytes));

        assertThat(decoded.get("reason")).hasToString("UNKNOWN_OUTCOME");
        assertThat(decoded.get("status")).hasToString("FAILED");
        assertThat(decoded.getSchema().getField("callId")).isNull();
        assertThat(decoded.getSchema().getField("nextAttemptAt")).isNull();
    }

    @Test
    void readersFirstTheCurrentReaderReadsV3DataWithNoCall() throws Exception {
        var old = new GenericData.Record(V3);
        old.put("eventId", "e-old");
        old.put("occurredAt", 1_000L);
        old.put("messageId", "m-old");
        old.put("status", new GenericData.EnumSymbol(V3.getField("status").schema(), "FAILED"));
        old.put("reason", "UNKNOWN_OUTCOME");
        old.put("source", "spothit-dispatcher");
        old.put("fallback", false);
        var bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), V3).encode(old).array();

        var decoded = (StatusUpdated) deserializer.fromBytes(bytes);

        assertThat(decoded.getReason()).isEqualTo("UNKNOWN_OUTCOME");
        assertThat(decoded.getCallId()).isNull();
        assertThat(decoded.getNextAttemptAt()).isNull();
    }

    @Test
    void theCallTravelsWithTheEvent() throws Exception {
        var decoded = (StatusUpdated) deserializer.fromBytes(serializer.toBytes(unknownOutcome()));

        assertThat(decoded.getCallId()).isEqualTo("batch-7");

        var retrying = StatusUpdated.newBuilder(unknownOutcome()).setStatus(Status.IN_PROGRESS)
                .setReason("PROVIDER_UNAVAILABLE_RETRYING").setCallId(null).setNextAttemptAt(Instant.ofEpochMilli(9_000)).build();
        assertThat(((StatusUpdated) deserializer.fromBytes(serializer.toBytes(retrying))).getNextAttemptAt())
                .isEqualTo(Instant.ofEpochMilli(9_000));
    }

    private static StatusUpdated unknownOutcome() {
        return StatusUpdated.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.ofEpochMilli(2_000)).setMessageId("m-1")
                .setProvider(Provider.SPOTHIT).setPhone("+33612345678").setStatus(Status.FAILED)
                .setReason("UNKNOWN_OUTCOME").setSource("spothit-dispatcher").setCallId("batch-7").build();
    }
}

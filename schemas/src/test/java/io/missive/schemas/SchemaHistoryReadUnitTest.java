package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.MessageCommand;
import io.missive.events.OptOut;
import io.missive.events.RecipientSpec;
import io.missive.events.ParentRecord;
import io.missive.schemas.serde.EventDeserializer;
import io.missive.schemas.serde.EventSchemas;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** Data written with an earlier schema version is read by today's readers, and the reverse, field by field. */
class SchemaHistoryReadUnitTest {

    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void aParentWrittenBeforeVariablesExistedIsReadWithNoVariables() throws IOException {
        var v1 = EventSchemas.get().history(ParentRecord.class).getFirst();
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "42");
        old.put("phone", "+33612345678");
        old.put("tagIds", java.util.List.of());
        var bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        var read = (ParentRecord) deserializer.deserialize("missive.directory", bytes);

        assertThat(read.getId()).isEqualTo("42");
        assertThat(read.getVariables()).isEmpty();
    }

    @Test
    void anOptOutWrittenBeforeOptingBackInExistedIsAnActiveOptOut() throws IOException {
        var v1 = EventSchemas.get().history(OptOut.class).getFirst();
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e-1");
        old.put("occurredAt", 1_700_000_000_000L);
        old.put("phone", "+33612345678");
        old.put("provider", new GenericData.EnumSymbol(v1.getField("provider").schema(), "SPOTHIT"));
        old.put("reason", "STOP");
        var bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        var read = (OptOut) deserializer.deserialize("missive.optouts", bytes);

        assertThat(read.getActive()).isTrue();
        assertThat(read.getAuthor()).isNull();
        assertThat(read.getReason()).isEqualTo("STOP");
    }

    @Test
    void aReaderThatPredatesVariablesStillReadsAParentThatHasSome() throws IOException {
        var parent = ParentRecord.newBuilder().setId("42").setPhone("+33612345678")
                .setVariables(Map.of("CALL0_CALENDLY_LINK", "https://calendly.com/x")).build();
        var encoded = ParentRecord.getEncoder().encode(parent);
        var datum = new byte[encoded.remaining() - 10];
        encoded.position(10);
        encoded.get(datum);
        var v1 = EventSchemas.get().history(ParentRecord.class).getFirst();

        var reader = new GenericDatumReader<GenericRecord>(ParentRecord.getClassSchema(), v1);
        var old = reader.read(null, DecoderFactory.get().binaryDecoder(datum, null));

        assertThat(old.get("id").toString()).isEqualTo("42");
        assertThat(old.getSchema().getField("variables")).isNull();
    }

    /** MessageCommand v4 (author): every earlier version's command is read with no author, and every earlier reader reads v4. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
    void aCommandWrittenBeforeAuthorsExistedIsReadWithNoAuthor(int version) throws IOException {
        var old = EventSchemas.get().history(MessageCommand.class).get(version - 1);
        assertThat(old.getField("author")).isNull();
        GenericRecord command = new GenericData.Record(old);
        command.put("eventId", "e-1");
        command.put("occurredAt", 1_700_000_000_000L);
        command.put("commandId", "C-" + version);
        var spec = new GenericData.Record(old.getField("recipients").schema().getElementType());
        spec.put("selector", "parent.1");
        spec.put("variables", Map.of());
        command.put("recipients", java.util.List.of(spec));
        command.put("message", "Bonjour");
        command.put("groupStatus", java.util.List.of("active"));
        command.put("provider", new GenericData.EnumSymbol(old.getField("provider").schema(), "AUTO"));
        for (var field : old.getFields()) {
            if (command.get(field.name()) == null && field.hasDefaultValue()) {
                command.put(field.name(), GenericData.get().getDefaultValue(field));
            }
        }
        var bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(command).array();

        var read = (MessageCommand) deserializer.deserialize("missive.commands", bytes);

        assertThat(read.getCommandId()).isEqualTo("C-" + version);
        assertThat(read.getAuthor()).isNull();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
    void aReaderThatPredatesAuthorsStillReadsACommandThatHasOne(int version) throws IOException {
        var command = MessageCommand.newBuilder().setEventId("e-1").setOccurredAt(java.time.Instant.ofEpochMilli(1_700_000_000_000L))
                .setCommandId("C-4").setMessage("Bonjour").setAuthor("alice@example.org")
                .setRecipients(java.util.List.of(RecipientSpec.newBuilder().setSelector("parent.1").build())).build();
        var encoded = MessageCommand.getEncoder().encode(command);
        var datum = new byte[encoded.remaining() - 10];
        encoded.position(10);
        encoded.get(datum);
        var old = EventSchemas.get().history(MessageCommand.class).get(version - 1);

        var reader = new GenericDatumReader<GenericRecord>(MessageCommand.getClassSchema(), old);
        var read = reader.read(null, DecoderFactory.get().binaryDecoder(datum, null));

        assertThat(read.get("commandId").toString()).isEqualTo("C-4");
        assertThat(read.getSchema().getField("author")).isNull();
    }
}

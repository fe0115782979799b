package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.OptOut;
import io.missive.schemas.serde.EventSchemas;
import io.missive.schemas.serde.SchemaEvolution;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityUnitTest {

    static List<Class<? extends SpecificRecord>> eventTypes() {
        return EventSchemas.eventTypes();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everySchemaIsBackwardAndForwardCompatibleWithItsHistory(Class<? extends SpecificRecord> type) {
        var history = EventSchemas.get().history(type);
        assertThat(history).as("history of %s (schemas/src/main/resources/avro-history/%s/)", type.getSimpleName(), type.getSimpleName())
                .isNotEmpty();
        assertThat(SchemaEvolution.problems(EventSchemas.currentSchema(type), history, EventSchemas.oldestReader(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theCurrentSchemaIsKeptInTheHistory(Class<? extends SpecificRecord> type) {
        var current = EventSchemas.currentSchema(type);
        var fingerprints = EventSchemas.get().history(type).stream().map(EventSchemas::fingerprint).toList();
        assertThat(fingerprints)
                .as("a changed schema must be added as the next avro-history/%s/vN.avsc, so that readers know it:%n%s",
                        type.getSimpleName(), current)
                .contains(EventSchemas.fingerprint(current));
    }

    @Test
    void aNewRequiredFieldIsRejected() {
        var incompatible = withExtraField(OptOut.getClassSchema(), "{\"name\": \"country\", \"type\": \"string\"}");

        assertThat(SchemaEvolution.problems(incompatible, List.of(OptOut.getClassSchema())))
                .singleElement().asString().contains("backward").contains("country");
    }

    @Test
    void aChangedFieldTypeIsRejectedBothWays() {
        var json = OptOut.getClassSchema().toString().replace(
                "{\"name\":\"phone\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}}",
                "{\"name\":\"phone\",\"type\":\"long\"}");
        var incompatible = new Schema.Parser().parse(json);

        assertThat(SchemaEvolution.problems(incompatible, List.of(OptOut.getClassSchema())))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("backward"))
                .anySatisfy(problem -> assertThat(problem).contains("forward"));
    }

    @Test
    void aNewOptionalFieldWithADefaultIsAccepted() {
        var compatible = withExtraField(OptOut.getClassSchema(),
                "{\"name\": \"country\", \"type\": [\"null\", \"string\"], \"default\": null}");

        assertThat(SchemaEvolution.problems(compatible, List.of(OptOut.getClassSchema()))).isEmpty();
    }

    static Schema withExtraField(Schema schema, String fieldJson) {
        var json = schema.toString();
        var extended = json.substring(0, json.lastIndexOf(']')) + "," + fieldJson + json.substring(json.lastIndexOf(']'));
        return new Schema.Parser().parse(extended);
    }
}

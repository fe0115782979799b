package io.missive.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The build-time rule for changing an event schema: the new version must read every earlier
 * version's data (backward) and every earlier reader must read the new version's data (forward),
 * so producers and consumers can be upgraded in any order.
 *
 * <p>Forward compatibility is owed to the readers still deployed: from the type's oldest reader
 * version on ({@link EventSchemas#oldestReader}). Adding an enum symbol needs that: the readers of
 * the version that gave the enum its default read the new symbol as the default, the readers
 * before it cannot, so they must all be gone before the symbol ships (docs/decisions/0012).
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** The incompatibilities between a schema and its earlier versions; empty when it may ship. */
    public static List<String> problems(Schema current, List<Schema> earlier) {
        return problems(current, earlier, 1);
    }

    /** As {@link #problems(Schema, List)}, owing forward compatibility only to versions from {@code oldestReader} on. */
    public static List<String> problems(Schema current, List<Schema> earlier, int oldestReader) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < earlier.size(); i++) {
            var old = earlier.get(i);
            var label = current.getName() + " against v" + (i + 1);
            var backward = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
            if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(label + ": the new schema cannot read old data (backward): " + backward.getDescription());
            }
            if (i + 1 < oldestReader) {
                continue;
            }
            var forward = SchemaCompatibility.checkReaderWriterCompatibility(old, current);
            if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(label + ": old readers cannot read new data (forward): " + forward.getDescription());
            }
        }
        return problems;
    }
}

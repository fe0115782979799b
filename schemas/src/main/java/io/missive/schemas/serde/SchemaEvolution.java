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
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** The incompatibilities between a schema and its earlier versions; empty when it may ship. */
    public static List<String> problems(Schema current, List<Schema> earlier) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < earlier.size(); i++) {
            var old = earlier.get(i);
            var label = current.getName() + " against v" + (i + 1);
            var backward = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
            if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(label + ": the new schema cannot read old data (backward): " + backward.getDescription());
            }
            var forward = SchemaCompatibility.checkReaderWriterCompatibility(old, current);
            if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(label + ": old readers cannot read new data (forward): " + forward.getDescription());
            }
        }
        return problems;
    }
}

package io.missive.schemas.serde;

import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * Every schema version a Missive reader may meet: the current one of each event type, and the
 * earlier ones kept under {@code avro-history/<Type>/v1.avsc, v2.avsc…}. A reader decodes any of
 * them into the current generated class (Avro schema resolution fills the gaps).
 */
public final class EventSchemas implements SchemaStore {

    private static final EventSchemas INSTANCE = load();

    private final Map<Long, Schema> byFingerprint;
    private final Map<Long, Class<? extends SpecificRecord>> readerByFingerprint;
    private final Map<Class<? extends SpecificRecord>, List<Schema>> history;

    private EventSchemas(Map<Long, Schema> byFingerprint,
                         Map<Long, Class<? extends SpecificRecord>> readerByFingerprint,
                         Map<Class<? extends SpecificRecord>, List<Schema>> history) {
        this.byFingerprint = Map.copyOf(byFingerprint);
        this.readerByFingerprint = Map.copyOf(readerByFingerprint);
        this.history = Map.copyOf(history);
    }

    public static EventSchemas get() {
        return INSTANCE;
    }

    /** Every event type of the catalog, in catalog order, each once. */
    public static List<Class<? extends SpecificRecord>> eventTypes() {
        return Topics.ALL.stream()
                .map(Topic::valueTypes)
                .flatMap(List::stream)
                .distinct()
                .toList();
    }

    public static Schema currentSchema(Class<? extends SpecificRecord> type) {
        return SpecificData.getForClass(type).getSchema(type);
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Override
    public @Nullable Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** The current class that reads data written with this fingerprint, or null for an unknown writer. */
    public @Nullable Class<? extends SpecificRecord> readerFor(long fingerprint) {
        return readerByFingerprint.get(fingerprint);
    }

    /** The earlier versions kept for a type, oldest first. */
    public List<Schema> history(Class<? extends SpecificRecord> type) {
        return history.getOrDefault(type, List.of());
    }

    /**
     * The oldest version of a type that a deployed reader may still hold, from
     * {@code avro-history/<Type>/oldest-reader} (a version number; 1 without the file). Raised
     * when a change is safe only for readers from that version on, e.g. a new enum symbol.
     */
    public static int oldestReader(Class<? extends SpecificRecord> type) {
        var path = "/avro-history/" + type.getSimpleName() + "/oldest-reader";
        try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                return 1;
            }
            return Integer.parseInt(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static EventSchemas load() {
        Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
        Map<Long, Class<? extends SpecificRecord>> readers = new LinkedHashMap<>();
        Map<Class<? extends SpecificRecord>, List<Schema>> history = new LinkedHashMap<>();
        for (var type : eventTypes()) {
            var current = currentSchema(type);
            byFingerprint.put(fingerprint(current), current);
            readers.put(fingerprint(current), type);
            var versions = loadHistory(type);
            history.put(type, versions);
            for (var old : versions) {
                byFingerprint.putIfAbsent(fingerprint(old), old);
                readers.putIfAbsent(fingerprint(old), type);
            }
        }
        return new EventSchemas(byFingerprint, readers, history);
    }

    static List<Schema> loadHistory(Class<? extends SpecificRecord> type) {
        var versions = new ArrayList<Schema>();
        for (int version = 1; ; version++) {
            var path = "/avro-history/" + type.getSimpleName() + "/v" + version + ".avsc";
            try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + path, e);
            }
        }
    }
}

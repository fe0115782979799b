package io.missive.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.missive.events.ChildRecord;
import io.missive.events.GroupRecord;
import io.missive.events.ParentRecord;
import io.missive.events.RedirectionTargetRecord;
import io.missive.events.SupporterRecord;
import io.missive.events.TagRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler's bulk directory import as a client: directory records as JSON, whose field names
 * are the Avro records' own, sent in chunks so that a million parents never make one huge body.
 */
final class DirectoryImport {

    private static final int CHUNK = 20_000;
    private static final Map<Class<?>, String> SECTIONS = Map.of(
            ParentRecord.class, "parents", ChildRecord.class, "children", GroupRecord.class, "groups",
            SupporterRecord.class, "supporters", TagRecord.class, "tags", RedirectionTargetRecord.class, "redirectionTargets");

    private DirectoryImport() {
    }

    static void post(String schedulerUrl, Supplier<String> accessToken, List<Map.Entry<String, SpecificRecord>> records) {
        // Groups, supporters, tags and targets first, then parents, then children: every chunk refers to what exists.
        var ordered = new ArrayList<SpecificRecord>();
        for (var type : List.of(GroupRecord.class, SupporterRecord.class, TagRecord.class, RedirectionTargetRecord.class,
                ParentRecord.class, ChildRecord.class)) {
            records.stream().map(Map.Entry::getValue).filter(type::isInstance).forEach(ordered::add);
        }
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (int from = 0; from < ordered.size(); from += CHUNK) {
                var body = json(ordered.subList(from, Math.min(ordered.size(), from + CHUNK)));
                var request = HttpRequest.newBuilder(URI.create(schedulerUrl + "/api/v1/directory/import"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + accessToken.get())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("directory import refused: " + response.statusCode() + " " + response.body());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("directory import failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the directory import", e);
        }
    }

    static String json(List<SpecificRecord> records) {
        var root = StackHttp.JSON.createObjectNode();
        for (var record : records) {
            var section = SECTIONS.get(record.getClass());
            if (section == null) {
                throw new IllegalArgumentException("not a directory record: " + record.getClass().getSimpleName());
            }
            var objects = root.has(section) ? (ArrayNode) root.get(section) : root.putArray(section);
            objects.add(object(record));
        }
        return root.toString();
    }

    private static ObjectNode object(SpecificRecord record) {
        var object = StackHttp.JSON.createObjectNode();
        for (var field : record.getSchema().getFields()) {
            object.set(field.name(), value(record.get(field.pos())));
        }
        return object;
    }

    /** An Avro value as JSON: Avro strings ({@code Utf8}) and enum symbols are written as their text. */
    private static JsonNode value(@Nullable Object value) {
        var nodes = JsonNodeFactory.instance;
        return switch (value) {
            case null -> nodes.nullNode();
            case Map<?, ?> map -> {
                var object = nodes.objectNode();
                map.forEach((key, inner) -> object.set(String.valueOf(key), value(inner)));
                yield object;
            }
            case Collection<?> list -> {
                var array = nodes.arrayNode();
                list.forEach(item -> array.add(value(item)));
                yield array;
            }
            case Integer number -> nodes.numberNode(number);
            case Long number -> nodes.numberNode(number);
            case Double number -> nodes.numberNode(number);
            case Float number -> nodes.numberNode(number);
            case Boolean bool -> nodes.booleanNode(bool);
            default -> nodes.textNode(value.toString());
        };
    }
}

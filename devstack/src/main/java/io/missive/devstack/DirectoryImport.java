package io.missive.devstack;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

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
        var sections = new LinkedHashMap<String, List<String>>();
        for (var record : records) {
            var section = SECTIONS.get(record.getClass());
            if (section == null) {
                throw new IllegalArgumentException("not a directory record: " + record.getClass().getSimpleName());
            }
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(object(record));
        }
        var json = new StringBuilder("{");
        sections.forEach((section, objects) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(section).append("\":[").append(String.join(",", objects)).append(']');
        });
        return json.append('}').toString();
    }

    private static String object(SpecificRecord record) {
        var json = new StringBuilder("{");
        var fields = record.getSchema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(Json.quote(fields.get(i).name())).append(':').append(Json.write(record.get(i)));
        }
        return json.append('}').toString();
    }
}

package io.missive.scheduler.directory.http;

import io.missive.scheduler.directory.Directory;
import io.missive.scheduler.directory.DirectoryStore;
import io.missive.scheduler.rendering.VariableRules;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.HttpCaller;
import io.missive.schemas.problems.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk upsert of directory entries (the demo data): the same projection the directory topic feeds. */
@RestController
@RequestMapping("/api/v1/directory")
public class DirectoryImportController {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryImportController.class);
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");
    private static final int MAX_ID = 64;
    private static final int MAX_URL = 2048;
    private static final int MAX_TEXT = 1000;

    private final DirectoryStore store;
    private final AuditTrail audit;

    public DirectoryImportController(DirectoryStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    public record DirectoryImport(@Nullable List<ParentJson> parents, @Nullable List<Directory.Child> children,
                                  @Nullable List<GroupJson> groups, @Nullable List<Directory.Supporter> supporters,
                                  @Nullable List<Directory.Tag> tags, @Nullable List<Directory.RedirectionTarget> redirectionTargets) {
    }

    /** A parent as the directory writes it; whether its phone is valid is the store's to find out (decision 0113). */
    public record ParentJson(String id, @Nullable String phone, @Nullable String firstName, @Nullable String securityToken,
                             @Nullable String address, @Nullable List<String> tagIds, @Nullable String supporterId,
                             @Nullable Map<String, String> variables) {
        public ParentJson {
            tagIds = tagIds == null ? List.of() : tagIds;
            variables = variables == null ? Map.of() : variables;
        }

        Directory.Parent toParent() {
            return new Directory.Parent(id, phone, firstName, securityToken, address, tagIds, supporterId, variables);
        }
    }

    /** A group; status defaults to {@code active}. */
    public record GroupJson(String id, @Nullable String name, @Nullable String status) {
    }

    public record ImportReply(int parents, int children, int groups, int supporters, int tags, int redirectionTargets, long tookMs) {
    }

    @PostMapping("/import")
    @Operation(summary = "Bulk upsert of parents, children, groups, supporters, tags and redirection targets",
            description = "Entries are upserted by id; 100,000 parents take seconds. 400 when an entry has no id, a target URL is not http(s), "
                    + "or a parent's variables break a rule (name, at most 64 entries, at most 2,000 characters a value): the problem names field and rule.")
    public ResponseEntity<?> importDirectory(@RequestBody DirectoryImport body, HttpServletRequest http) {
        var parents = orEmpty(body.parents());
        var children = orEmpty(body.children());
        var groups = orEmpty(body.groups()).stream()
                .map(g -> new Directory.Group(g.id(), g.name(), g.status() == null || g.status().isBlank() ? "active" : g.status()))
                .toList();
        var supporters = orEmpty(body.supporters());
        var tags = orEmpty(body.tags());
        var targets = orEmpty(body.redirectionTargets());
        var problem = firstProblem(parents.stream().map(p -> p == null ? null : p.id()).toList(), "parent")
                .or(() -> firstProblem(children.stream().map(c -> c == null ? null : c.id()).toList(), "child"))
                .or(() -> firstProblem(groups.stream().map(Directory.Group::id).toList(), "group"))
                .or(() -> firstProblem(supporters.stream().map(s -> s == null ? null : s.id()).toList(), "supporter"))
                .or(() -> firstProblem(tags.stream().map(t -> t == null ? null : t.id()).toList(), "tag"))
                .or(() -> firstProblem(targets.stream().map(t -> t == null ? null : t.id()).toList(), "redirection target"))
                .or(() -> targets.stream().filter(t -> t.url() == null || !HTTP_URL.matcher(t.url()).matches()).findFirst()
                        .map(t -> "redirection target " + t.id() + " needs an http(s) url"))
                .or(() -> oversized(parents, children, groups, supporters, tags, targets));
        if (problem.isEmpty()) {
            for (int i = 0; i < parents.size() && problem.isEmpty(); i++) {
                var violations = VariableRules.check("parents[" + i + "].variables", parents.get(i).variables());
                if (!violations.isEmpty()) {
                    throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-directory-import", violations.getFirst().toString())
                            .titled("Invalid directory import")
                            .with("field", violations.getFirst().field())
                            .with("rule", violations.getFirst().rule())
                            .with("violations", violations.stream().map(VariableRules.Violation::toString).toList());
                }
            }
        }
        if (problem.isPresent()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-directory-import", problem.get())
                    .titled("Invalid directory import");
        }
        // Recorded before the directory changes (decision 0021): counts only, a directory holds phone numbers.
        audit.record(AuditAct.of(HttpCaller.of(http), "directory.import", "directory", Map.of(
                "parents", String.valueOf(parents.size()), "children", String.valueOf(children.size()),
                "groups", String.valueOf(groups.size()), "supporters", String.valueOf(supporters.size()),
                "tags", String.valueOf(tags.size()), "redirectionTargets", String.valueOf(targets.size()))));
        long started = System.nanoTime();
        store.apply(new Directory.Changes(parents.stream().map(ParentJson::toParent).toList(), children, groups, supporters, tags, targets, List.of()));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info("event=directory_imported parents={} children={} groups={} supporters={} tags={} redirectionTargets={} tookMs={}",
                parents.size(), children.size(), groups.size(), supporters.size(), tags.size(), targets.size(), tookMs);
        return ResponseEntity.ok(new ImportReply(parents.size(), children.size(), groups.size(), supporters.size(), tags.size(),
                targets.size(), tookMs));
    }

    /** Ids are keys (at most 64 characters), URLs at most 2048, any other text at most 1000. */
    private static java.util.Optional<String> oversized(List<?>... sections) {
        // A record's components are looked up once per kind, not per entry: the lookup copies them each time,
        // and at 100,000 parents it cost five times the import's own writes.
        var componentsByKind = new HashMap<Class<?>, java.lang.reflect.RecordComponent[]>();
        for (var section : sections) {
            for (var entry : section) {
                for (var component : componentsByKind.computeIfAbsent(entry.getClass(), Class::getRecordComponents)) {
                    var name = component.getName();
                    int limit = name.equals("id") || name.endsWith("Id") || name.endsWith("Ids") ? MAX_ID
                            : name.equals("url") ? MAX_URL : MAX_TEXT;
                    Object value;
                    try {
                        value = component.getAccessor().invoke(entry);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    var values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
                    for (var item : values) {
                        if (item instanceof String text && text.length() > limit) {
                            return java.util.Optional.of("%s.%s is %d characters long; at most %d are accepted".formatted(
                                    entry.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT).replaceFirst("json$", ""), name, text.length(), limit));
                        }
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> firstProblem(List<@Nullable String> ids, String kind) {
        return ids.stream().anyMatch(id -> id == null || id.isBlank())
                ? java.util.Optional.of("every " + kind + " needs an id")
                : java.util.Optional.empty();
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}

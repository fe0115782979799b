package io.missive.scheduler.directory;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The directory entries the scheduler projects from {@code missive.directory} (or a bulk import). */
public final class Directory {

    private Directory() {
    }

    /**
     * {@code phone}: as the directory wrote it. {@code variables}: the parent's open per-parent values, by name
     * ({@code CALL0_CALENDLY_LINK}...). {@code validPhone}: only on a parent read from the store, the phone in
     * E.164 when it is a valid number, checked when the parent was written (decision 0113); null otherwise. A
     * writer never sets it: the store checks the phone itself.
     */
    public record Parent(String id, @Nullable String phone, @Nullable String firstName, @Nullable String securityToken,
                         @Nullable String address, List<String> tagIds, @Nullable String supporterId,
                         Map<String, String> variables, @Nullable String validPhone) {
        public Parent {
            tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }

        public Parent(String id, @Nullable String phone, @Nullable String firstName, @Nullable String securityToken,
                      @Nullable String address, List<String> tagIds, @Nullable String supporterId, Map<String, String> variables) {
            this(id, phone, firstName, securityToken, address, tagIds, supporterId, variables, null);
        }

        public Parent(String id, @Nullable String phone, @Nullable String firstName, @Nullable String securityToken,
                      @Nullable String address, List<String> tagIds, @Nullable String supporterId) {
            this(id, phone, firstName, securityToken, address, tagIds, supporterId, Map.of());
        }
    }

    public record Child(String id, @Nullable String firstName, @Nullable String parentId, @Nullable String groupId) {
    }

    public record Group(String id, @Nullable String name, String status) {
    }

    public record Supporter(String id, @Nullable String firstName, @Nullable String aircallNumber,
                           @Nullable String aircallNumberId) {
    }

    public record Tag(String id, @Nullable String name) {
    }

    public record RedirectionTarget(String id, String url, @Nullable String name) {
    }

    /** A batch of entries to upsert, and keys to delete ({@code parent:ID}...). */
    public record Changes(List<Parent> parents, List<Child> children, List<Group> groups, List<Supporter> supporters,
                          List<Tag> tags, List<RedirectionTarget> redirectionTargets, List<String> deletedKeys) {
        public Changes {
            parents = nonNull(parents);
            children = nonNull(children);
            groups = nonNull(groups);
            supporters = nonNull(supporters);
            tags = nonNull(tags);
            redirectionTargets = nonNull(redirectionTargets);
            deletedKeys = nonNull(deletedKeys);
        }

        public int size() {
            return parents.size() + children.size() + groups.size() + supporters.size() + tags.size()
                    + redirectionTargets.size() + deletedKeys.size();
        }

        private static <T> List<T> nonNull(@Nullable List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}

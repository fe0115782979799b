package io.missive.aircall.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a batch of the directory topic changes in the caller directory: parents and children
 * written (phones already normalised to E.164, or null), and entries deleted by tombstone.
 */
public record DirectoryChanges(List<Parent> parents, List<Child> children, List<String> deletedParents,
                               List<String> deletedChildren) {

    public DirectoryChanges {
        parents = List.copyOf(parents);
        children = List.copyOf(children);
        deletedParents = List.copyOf(deletedParents);
        deletedChildren = List.copyOf(deletedChildren);
    }

    public record Parent(String id, @Nullable String phone, @Nullable String firstName) {
    }

    public record Child(String id, @Nullable String parentId, @Nullable String firstName) {
    }

    public int size() {
        return parents.size() + children.size() + deletedParents.size() + deletedChildren.size();
    }
}

package io.missive.scheduler.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry a picker found. {@code context} tells apart entries sharing a name: a parent's children's first names,
 * a child's group name; empty for groups and tags.
 */
public record DirectoryMatch(SearchKind kind, String id, @Nullable String name, List<String> context) {

    public DirectoryMatch {
        context = List.copyOf(context);
    }

    /** What a program command's recipients take: {@code parent.42}. */
    public String selector() {
        return kind.label() + "." + id;
    }
}

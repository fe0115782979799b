package io.missive.aircall.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parent known by the phone that calls, with their children's first names (in a stable order). */
public record Caller(String parentId, @Nullable String firstName, List<String> childrenFirstNames) {

    public Caller {
        childrenFirstNames = List.copyOf(childrenFirstNames);
    }
}

package io.missive.scheduler.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Names in the directory projection, for the pickers: matched folded (case and accents aside), through indexes,
 * so a search stays fast with a million parents.
 */
public interface DirectoryNames {

    /** The entry with this id, if there is one. */
    @Nullable DirectoryMatch withId(SearchKind kind, String id);

    /** Up to {@code limit} entries whose name starts with {@code text}, by folded name then id. */
    List<DirectoryMatch> startingWith(SearchKind kind, String text, int limit);

    /** Up to {@code limit} entries whose name contains {@code text} (at least three characters), in no set order. */
    List<DirectoryMatch> containing(SearchKind kind, String text, int limit);
}

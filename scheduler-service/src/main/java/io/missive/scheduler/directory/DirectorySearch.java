package io.missive.scheduler.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The recipient pickers' search: an exact id first ({@code 42} or {@code parent.42}), then names that start with the
 * text, then, while fewer than {@link #LIMIT} were found and the text has three characters or more, names that
 * contain it. Each match carries what tells it apart from a namesake (a parent's children, a child's group).
 */
public final class DirectorySearch {

    public static final int LIMIT = 20;
    /** Trigrams: a shorter text inside names would match most of the directory and use no index. */
    static final int MIN_CONTAINED = 3;

    private final DirectoryNames names;
    private final DirectoryLookup directory;

    public DirectorySearch(DirectoryNames names, DirectoryLookup directory) {
        this.names = names;
        this.directory = directory;
    }

    public List<DirectoryMatch> search(SearchKind kind, String query) {
        var text = query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        var found = new LinkedHashMap<String, DirectoryMatch>();
        var prefix = kind.label() + ".";
        var id = text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text.substring(prefix.length()) : text;
        var exact = id.isEmpty() ? null : names.withId(kind, id);
        if (exact != null) {
            found.put(exact.id(), exact);
        }
        for (var match : names.startingWith(kind, text, LIMIT)) {
            found.putIfAbsent(match.id(), match);
        }
        if (found.size() < LIMIT && text.codePointCount(0, text.length()) >= MIN_CONTAINED) {
            // Asked for more than is missing: some of them may already be among the prefix matches.
            var inside = new ArrayList<>(names.containing(kind, text, LIMIT));
            inside.sort(Comparator.comparing((DirectoryMatch m) -> Objects.requireNonNullElse(m.name(), "")).thenComparing(DirectoryMatch::id));
            for (var match : inside) {
                if (found.size() == LIMIT) {
                    break;
                }
                found.putIfAbsent(match.id(), match);
            }
        }
        return withContext(kind, List.copyOf(found.values()).subList(0, Math.min(LIMIT, found.size())));
    }

    private List<DirectoryMatch> withContext(SearchKind kind, List<DirectoryMatch> matches) {
        var ids = matches.stream().map(DirectoryMatch::id).toList();
        return switch (kind) {
            case PARENT -> {
                var children = directory.childrenOfParents(ids);
                yield matches.stream().map(m -> new DirectoryMatch(kind, m.id(), m.name(), children.getOrDefault(m.id(), List.of()).stream()
                        .sorted(Comparator.comparing(Directory.Child::id)).map(Directory.Child::firstName).filter(Objects::nonNull)
                        .toList())).toList();
            }
            case CHILD -> {
                var children = directory.children(ids);
                var groups = directory.groups(children.values().stream().map(Directory.Child::groupId).filter(Objects::nonNull)
                        .distinct().toList());
                yield matches.stream().map(m -> {
                    var child = children.get(m.id());
                    var group = child == null || child.groupId() == null ? null : groups.get(child.groupId());
                    var groupName = group == null ? null : Objects.requireNonNullElse(group.name(), group.id());
                    return new DirectoryMatch(kind, m.id(), m.name(), groupName == null ? List.of() : List.of(groupName));
                }).toList();
            }
            case GROUP, TAG -> matches;
        };
    }
}

package io.missive.scheduler.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The pickers' order and limits, over names given in memory (the SQL side is DirectorySearchIntegrationTest's). */
class DirectorySearchUnitTest {

    /** Groups read no context: any call to the lookup would fail the test. */
    private static final DirectoryLookup NO_LOOKUP = (DirectoryLookup) Proxy.newProxyInstance(DirectoryLookup.class.getClassLoader(),
            new Class<?>[] {DirectoryLookup.class}, (proxy, method, args) -> {
                throw new AssertionError("no context for groups: " + method.getName());
            });

    private final List<String> asked = new ArrayList<>();

    @Test
    void theIdComesFirstThenNamesStartingWithTheTextThenNamesContainingItEachOnce() {
        var names = names(match("g7", "Atelier 7"), List.of(match("g1", "Atelier"), match("g7", "Atelier 7")),
                List.of(match("g9", "Grand atelier"), match("g1", "Atelier"), match("g2", "Bel atelier")));

        var found = new DirectorySearch(names, NO_LOOKUP).search(SearchKind.GROUP, " group.g7 ");

        assertThat(found).extracting(DirectoryMatch::id).containsExactly("g7", "g1", "g2", "g9");
        assertThat(found.getFirst().selector()).isEqualTo("group.g7");
        assertThat(asked).containsExactly("id g7", "prefix group.g7", "inside group.g7");
    }

    @Test
    void aShortTextIsLookedForOnlyAtTheStartOfNames() {
        new DirectorySearch(names(null, List.of(), List.of(match("g1", "x"))), NO_LOOKUP).search(SearchKind.GROUP, "at");
        assertThat(asked).containsExactly("id at", "prefix at");
    }

    @Test
    void twentyStartingWithTheTextAreEnoughAndNothingIsAskedForAnEmptyText() {
        var twenty = IntStream.rangeClosed(1, 25).mapToObj(i -> match("g" + i, "Atelier " + i)).toList();
        var found = new DirectorySearch(names(null, twenty, List.of()), NO_LOOKUP).search(SearchKind.GROUP, "atelier");
        assertThat(found).hasSize(DirectorySearch.LIMIT);
        assertThat(asked).doesNotContain("inside atelier");

        asked.clear();
        assertThat(new DirectorySearch(names(null, twenty, List.of()), NO_LOOKUP).search(SearchKind.GROUP, "  ")).isEmpty();
        assertThat(asked).isEmpty();
    }

    private static DirectoryMatch match(String id, String name) {
        return new DirectoryMatch(SearchKind.GROUP, id, name, List.of());
    }

    private DirectoryNames names(@Nullable DirectoryMatch withId, List<DirectoryMatch> prefixed, List<DirectoryMatch> inside) {
        return new DirectoryNames() {
            @Override
            public @Nullable DirectoryMatch withId(SearchKind kind, String id) {
                asked.add("id " + id);
                return withId != null && withId.id().equals(id) ? withId : null;
            }

            @Override
            public List<DirectoryMatch> startingWith(SearchKind kind, String text, int limit) {
                asked.add("prefix " + text);
                return prefixed.stream().limit(limit).toList();
            }

            @Override
            public List<DirectoryMatch> containing(SearchKind kind, String text, int limit) {
                asked.add("inside " + text);
                return inside.stream().limit(limit).toList();
            }
        };
    }
}

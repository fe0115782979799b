package io.missive.scheduler.directory.http;

import io.missive.scheduler.directory.DirectoryMatch;
import io.missive.scheduler.directory.DirectorySearch;
import io.missive.scheduler.directory.SearchKind;
import io.missive.schemas.problems.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's recipient pickers: groups, tags, parents and children by name or id, at most twenty. */
@RestController
public class DirectorySearchController {

    private static final int MAX_QUERY = 100;

    private final DirectorySearch search;

    public DirectorySearchController(DirectorySearch search) {
        this.search = search;
    }

    /** {@code selector} is what a program command's recipients take; {@code context} tells namesakes apart. */
    public record MatchJson(String kind, String id, String selector, @Nullable String name, List<String> context) {

        static MatchJson of(DirectoryMatch match) {
            return new MatchJson(match.kind().label(), match.id(), match.selector(), match.name(), match.context());
        }
    }

    public record SearchReply(String kind, String q, List<MatchJson> results) {
    }

    @GetMapping("/api/v1/directory/search")
    @Operation(summary = "Find groups, tags, parents or children by name, for the recipient pickers",
            description = "Case and accents aside (\"elodie\" finds Élodie). First the entry whose id is q (42 or parent.42), then names "
                    + "starting with q in name order, then, from three characters, names containing q; at most 20 results. "
                    + "context: a parent's children's first names, a child's group name (empty for groups and tags). "
                    + "Indexed (V10): fast with a million parents. 400 for another kind or a q over 100 characters.")
    public SearchReply search(@Parameter(description = "what the person typed") @RequestParam String q,
                              @Parameter(description = "group, tag, parent or child") @RequestParam String kind) {
        var searched = SearchKind.of(kind).orElseThrow(() -> ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-search",
                "kind must be group, tag, parent or child").titled("Invalid directory search").with("field", "kind"));
        if (q.length() > MAX_QUERY) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-search", "q is " + q.length() + " characters long; at most "
                    + MAX_QUERY + " are accepted").titled("Invalid directory search").with("field", "q");
        }
        return new SearchReply(searched.label(), q, search.search(searched, q).stream().map(MatchJson::of).toList());
    }
}

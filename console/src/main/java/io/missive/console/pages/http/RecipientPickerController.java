package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Compose's recipient pickers, as htmx fragments: the scheduler's directory search ({@code GET /api/v1/directory/search},
 * the console never reads its tables), a chip for a chosen result, and the removal of a chip. Adding or removing
 * answers with the {@code recipients-changed} event, which asks the compose form for a new preview.
 */
@Controller
class RecipientPickerController {

    static final String RECIPIENTS_CHANGED = "recipients-changed";
    private static final Set<String> KINDS = Set.of("group", "tag", "parent", "child");
    private static final int MAX_QUERY = 100;

    private final Backends backends;

    RecipientPickerController(Backends backends) {
        this.backends = backends;
    }

    /** The results for what was typed; nothing asked of the scheduler for an empty text. */
    @GetMapping("/composer/destinataires")
    String search(@RequestParam(defaultValue = "parent") String kind, @RequestParam(defaultValue = "") String q, Model model) {
        var text = q.strip();
        if (!KINDS.contains(kind) || text.length() > MAX_QUERY) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("kind", kind);
        if (text.isEmpty()) {
            return "picker :: results";
        }
        try {
            var reply = backends.get(Service.SCHEDULER, "/api/v1/directory/search?kind={kind}&q={q}", kind, text);
            model.addAttribute("results", Views.list(reply, "results").stream().map(RecipientPickerController::match).toList());
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
        }
        return "picker :: results";
    }

    /** A chosen result as a chip; none when it is already among the chips ({@code picked}, the chips' own values). */
    @GetMapping("/composer/destinataires/choix")
    String choose(@RequestParam String selector, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) @Nullable List<String> picked, Model model, HttpServletResponse response) {
        if (!ComposeForm.Pick.isSelector(selector) || name.length() > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (ComposeForm.picksOf(picked).stream().anyMatch(p -> p.selector().equals(selector))) {
            return "picker :: nothing";
        }
        response.setHeader("HX-Trigger", RECIPIENTS_CHANGED);
        model.addAttribute("pick", new ComposeForm.Pick(selector, name.strip()));
        return "picker :: chip";
    }

    /** The chip's removal (htmx deletes it): only the event, so that the preview is asked again without it. */
    @GetMapping("/composer/destinataires/retrait")
    String remove(HttpServletResponse response) {
        response.setHeader("HX-Trigger", RECIPIENTS_CHANGED);
        return "picker :: nothing";
    }

    /** A result as the fragment shows it: a name (the id when there is none), the selector, and what tells it apart. */
    record Match(String kind, String selector, String name, List<String> context) {
    }

    private static Match match(Map<String, Object> json) {
        var selector = String.valueOf(json.get("selector"));
        var name = Views.text(json, "name");
        var context = json.get("context") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.<String>of();
        return new Match(String.valueOf(json.get("kind")), selector, name == null || name.isBlank() ? String.valueOf(json.get("id")) : name,
                context);
    }
}

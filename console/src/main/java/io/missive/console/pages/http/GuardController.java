package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The send guard (admins only: {@code /garde/**}): the attempts it held, with what it found, to relaunch
 * or dismiss; and the allow- and block-lists. Everything goes through the scheduler's {@code /api/v1/guard}.
 */
@Controller
class GuardController {

    private final Backends backends;

    GuardController(Backends backends) {
        this.backends = backends;
    }

    @GetMapping("/garde")
    String guard(@RequestParam(defaultValue = "pending") String statut, @RequestParam(defaultValue = "0") int page, Model model) {
        var status = List.of("pending", "relaunched", "dismissed", "not_blocked").contains(statut) ? statut : "pending";
        model.addAttribute("statut", status);
        try {
            var attempts = backends.get(Service.SCHEDULER, "/api/v1/guard/attempts?status={status}&page={page}&size=20", status,
                    Math.max(0, page));
            model.addAttribute("attempts", Views.list(attempts, "attempts"));
            model.addAttribute("allowed", backends.getList(Service.SCHEDULER, "/api/v1/guard/allowed"));
            model.addAttribute("blocked", backends.getList(Service.SCHEDULER, "/api/v1/guard/blocked"));
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
            model.addAttribute("attempts", List.of());
            model.addAttribute("allowed", List.of());
            model.addAttribute("blocked", List.of());
        }
        return "guard";
    }

    @PostMapping("/garde/tentatives/{id}/{action}")
    String decide(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        var verb = switch (action) {
            case "relancer" -> "relaunch";
            case "ecarter" -> "dismiss";
            default -> null;
        };
        if (verb != null) {
            act(redirect, () -> backends.post(Service.SCHEDULER, "/api/v1/guard/attempts/{id}/" + verb, null, id));
        }
        return "redirect:/garde";
    }

    @PostMapping("/garde/listes/{list}")
    String add(@PathVariable String list, @RequestParam String kind, @RequestParam String value,
               @RequestParam(required = false) @Nullable String match, RedirectAttributes redirect) {
        if (List.of("allowed", "blocked").contains(list)) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("kind", kind);
            entry.put("value", value);
            if (match != null && !match.isBlank()) {
                entry.put("match", match);
            }
            act(redirect, () -> backends.post(Service.SCHEDULER, "/api/v1/guard/" + list, entry));
        }
        return "redirect:/garde";
    }

    @PostMapping("/garde/listes/{list}/{id}/supprimer")
    String remove(@PathVariable String list, @PathVariable long id, RedirectAttributes redirect) {
        if (List.of("allowed", "blocked").contains(list)) {
            act(redirect, () -> backends.delete(Service.SCHEDULER, "/api/v1/guard/" + list + "/{id}", id));
        }
        return "redirect:/garde";
    }

    private static void act(RedirectAttributes redirect, java.util.function.Supplier<Map<String, Object>> call) {
        try {
            call.get();
            redirect.addFlashAttribute("done", true);
        } catch (BackendException e) {
            redirect.addFlashAttribute("actionProblem", Problems.of(e).detail());
        }
    }
}

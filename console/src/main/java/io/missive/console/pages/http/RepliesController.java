package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Replies and STOPs. Everyone's, latest first, from the tracker's {@code GET /api/v1/inbound}; one
 * supporter's, from {@code GET /api/v1/supporters/{id}/inbound} (grouped by parent, unread first: built
 * by the replies work at the same time; until it is there, the page says so); a parent's conversation
 * from {@code GET /api/v1/parents/{id}/messages}. Every text shown came from a parent: the templates
 * print it with {@code th:text} only (escaped).
 */
@Controller
class RepliesController {

    static final int PAGE_SIZE = 50;

    private final Backends backends;

    RepliesController(Backends backends) {
        this.backends = backends;
    }

    @GetMapping("/reponses")
    String replies(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String type,
                   @RequestParam(required = false) @Nullable String accompagnant, Model model) {
        var kind = "REPLY".equals(type) || "STOP".equals(type) ? type : null;
        model.addAttribute("type", kind);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("accompagnant", accompagnant);
        try {
            if (accompagnant != null && !accompagnant.isBlank()) {
                CampaignsController.checkId(accompagnant.strip());
                var reply = backends.get(Service.TRACKER, "/api/v1/supporters/{id}/inbound?page={page}&size={size}",
                        accompagnant.strip(), Math.max(0, page), PAGE_SIZE);
                model.addAttribute("items", Views.list(reply, "items"));
                model.addAttribute("total", Views.number(reply, "totalItems"));
            } else {
                var reply = backends.get(Service.TRACKER, "/api/v1/inbound?page={page}&size={size}" + (kind == null ? "" : "&kind=" + kind),
                        Math.max(0, page), PAGE_SIZE);
                model.addAttribute("items", Views.list(reply, "items"));
                model.addAttribute("total", Views.number(reply, "totalItems"));
            }
        } catch (BackendException e) {
            model.addAttribute("items", List.of());
            model.addAttribute("problem", Problems.of(e));
        }
        return "replies";
    }

    @GetMapping("/parents/{id}")
    String conversation(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        CampaignsController.checkId(id);
        model.addAttribute("parentId", id);
        try {
            var reply = backends.get(Service.TRACKER, "/api/v1/parents/{id}/messages?page={page}&size={size}", id, Math.max(0, page),
                    PAGE_SIZE);
            model.addAttribute("messages", Views.list(reply, "items"));
        } catch (BackendException e) {
            model.addAttribute("messages", List.of());
            model.addAttribute("problem", Problems.of(e));
        }
        return "conversation";
    }
}

package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import java.util.ArrayList;
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
 * Replies and STOPs. Everyone's grouped by supporter, each one's unread first, from the tracker's
 * {@code GET /api/v1/inbound/by-supporter}; one supporter's, unread first, from
 * {@code GET /api/v1/supporters/{id}/inbound}; a reply marked read in its supporter's inbox; a parent's conversation
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

    /** A reply as the page shows it: its time in Europe/Paris, and whether its supporter has read it. */
    record Reply(String eventId, String kind, String phone, String body, String receivedAt, List<Object> parentIds, boolean unread) {

        static Reply of(Map<String, Object> item) {
            var parents = item.get("parentIds") instanceof List<?> ids ? List.<Object>copyOf(ids) : List.of();
            return new Reply(String.valueOf(item.get("eventId")), String.valueOf(item.get("kind")), String.valueOf(item.get("phone")),
                    String.valueOf(item.get("body")), Views.shortTime(Views.instant(item, "receivedAt")), parents,
                    item.get("readAt") == null);
        }
    }

    /** One supporter's replies on this page, unread first ({@code supporterId} null: replies tied to no supporter). */
    record Group(@Nullable String supporterId, long unread, List<Reply> replies) {
    }

    @GetMapping("/reponses")
    String replies(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String type,
                   @RequestParam(required = false) @Nullable String accompagnant, Model model) {
        var kind = "REPLY".equals(type) || "STOP".equals(type) ? type : null;
        model.addAttribute("type", kind);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("accompagnant", accompagnant);
        try {
            Map<String, Object> reply;
            if (accompagnant != null && !accompagnant.isBlank()) {
                CampaignsController.checkId(accompagnant.strip());
                reply = backends.get(Service.TRACKER, "/api/v1/supporters/{id}/inbound?page={page}&size={size}",
                        accompagnant.strip(), Math.max(0, page), PAGE_SIZE);
            } else {
                reply = backends.get(Service.TRACKER, "/api/v1/inbound/by-supporter?page={page}&size={size}"
                        + (kind == null ? "" : "&kind=" + kind), Math.max(0, page), PAGE_SIZE);
            }
            var single = accompagnant == null || accompagnant.isBlank() ? null : accompagnant.strip();
            model.addAttribute("groups", groups(Views.list(reply, "items"), single));
            model.addAttribute("total", Views.number(reply, "totalItems"));
        } catch (BackendException e) {
            model.addAttribute("groups", List.of());
            model.addAttribute("problem", Problems.of(e));
        }
        return "replies";
    }

    /** Marks a reply read in its supporter's inbox, and comes back to the page it was on. */
    @PostMapping("/reponses/{supporterId}/{eventId}/lu")
    String markRead(@PathVariable String supporterId, @PathVariable String eventId,
                    @RequestParam(required = false) @Nullable String accompagnant, RedirectAttributes redirect) {
        CampaignsController.checkId(supporterId);
        CampaignsController.checkId(eventId);
        try {
            backends.post(Service.TRACKER, "/api/v1/supporters/{id}/inbound/{eventId}/read", null, supporterId, eventId);
        } catch (BackendException e) {
            redirect.addFlashAttribute("problem", Problems.of(e));
        }
        if (accompagnant != null && !accompagnant.isBlank()) {
            redirect.addAttribute("accompagnant", accompagnant.strip());
        }
        return "redirect:/reponses";
    }

    /** The page's replies in groups, in the tracker's order (by supporter, each one's unread first). */
    private static List<Group> groups(List<Map<String, Object>> items, @Nullable String supporter) {
        // A LinkedHashMap keeps the tracker's order, and takes the null key of the replies tied to no supporter.
        var bySupporter = new LinkedHashMap<@Nullable String, List<Reply>>();
        for (var item : items) {
            var id = supporter != null ? supporter : Views.text(item, "supporterId");
            bySupporter.computeIfAbsent(id, key -> new ArrayList<>()).add(Reply.of(item));
        }
        var groups = new ArrayList<Group>();
        bySupporter.forEach((id, replies) -> groups.add(new Group(id, replies.stream().filter(Reply::unread).count(),
                List.copyOf(replies))));
        return groups;
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

package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaigns: the list (the tracker's counters, newest first, never a scan of messages), a campaign's
 * page (its counters, and the scheduler's account of what it accepted, dropped and failed), a message's
 * history, and Cancel with a confirmation. The live parts are fragments htmx polls while anything moves.
 */
@Controller
class CampaignsController {

    static final int PAGE_SIZE = 20;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    /** The failed and dropped recipients a campaign's page lists; the rest are counted by reason. */
    private static final int LISTED = 50;

    private final Backends backends;

    CampaignsController(Backends backends) {
        this.backends = backends;
    }

    record Row(String campaignId, String firstSeenAt, String plannedAt, @Nullable String supporterId, @Nullable String purpose,
               String state, CampaignView counts) {
    }

    @GetMapping("/")
    String home() {
        return "redirect:/campagnes";
    }

    @GetMapping("/campagnes")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String etat,
                @RequestParam(required = false) @Nullable String auteur, Model model) {
        rows(page, etat, auteur, model);
        return "campaigns";
    }

    @GetMapping("/campagnes/lignes")
    String rows(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String etat,
                @RequestParam(required = false) @Nullable String auteur, Model model) {
        var state = "ACTIVE".equals(etat) || "FINISHED".equals(etat) ? etat : null;
        var author = auteur == null || auteur.isBlank() || !SAFE_ID.matcher(auteur.strip()).matches() ? null : auteur.strip();
        model.addAttribute("etat", state);
        model.addAttribute("auteur", author);
        model.addAttribute("page", Math.max(0, page));
        try {
            var reply = backends.get(Service.TRACKER, "/api/v1/campaigns?page={page}&size={size}"
                    + (state == null ? "" : "&state=" + state) + (author == null ? "" : "&supporterId={author}"),
                    Math.max(0, page), PAGE_SIZE, author == null ? "" : author);
            var rows = new ArrayList<Row>();
            for (var item : Views.list(reply, "items")) {
                var id = String.valueOf(item.get("campaignId"));
                rows.add(new Row(id, Views.shortTime(Views.instant(item, "firstSeenAt")), Views.shortTime(Views.instant(item, "plannedAt")),
                        Views.text(item, "supporterId"), Views.text(item, "purpose"), String.valueOf(item.get("state")),
                        CampaignView.of(id, Views.map(item, "summary"))));
            }
            long total = Views.number(reply, "totalItems");
            model.addAttribute("rows", rows);
            model.addAttribute("total", total);
            model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < total);
            model.addAttribute("live", rows.stream().anyMatch(r -> "ACTIVE".equals(r.state())));
        } catch (BackendException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("problem", Problems.of(e));
            model.addAttribute("live", false);
        }
        return "campaigns :: rows";
    }

    @GetMapping("/campagnes/{id}")
    String campaign(@PathVariable String id, Model model) {
        checkId(id);
        model.addAttribute("campaignId", id);
        try {
            var program = backends.get(Service.SCHEDULER, "/api/v1/programs/{id}?limit={listed}", id, LISTED);
            model.addAttribute("program", program);
            model.addAttribute("listed", LISTED);
            model.addAttribute("failedTotal", total(program.get("failedByReason")));
            model.addAttribute("droppedTotal", total(program.get("droppedByReason")));
            model.addAttribute("plannedAt", Views.longTime(Views.instant(program, "plannedAt")));
            model.addAttribute("cancellable", !"CANCELLED".equals(program.get("state"))
                    && Views.number(program, "publishedThroughSeq") < Views.number(program, "recipients"));
        } catch (BackendException e) {
            if (!e.notFound()) {
                model.addAttribute("programProblem", Problems.of(e));
            }
        }
        counts(id, model);
        return "campaign";
    }

    /** The counts, for htmx to poll while the campaign moves. */
    @GetMapping("/campagnes/{id}/etat")
    String counts(@PathVariable String id, Model model) {
        checkId(id);
        model.addAttribute("campaignId", id);
        try {
            model.addAttribute("counts", CampaignView.of(id, backends.get(Service.TRACKER, "/api/v1/campaigns/{id}", id)));
        } catch (BackendException e) {
            model.addAttribute("counts", CampaignView.of(id, null));
            if (!e.notFound()) {
                model.addAttribute("countsProblem", Problems.of(e));
            }
        }
        return "campaign :: counts";
    }

    @GetMapping("/campagnes/{id}/annuler")
    String confirmCancel(@PathVariable String id, Model model) {
        checkId(id);
        model.addAttribute("campaignId", id);
        try {
            // The confirmation repeats counts and time: it needs none of the failed or dropped recipients.
            var program = backends.get(Service.SCHEDULER, "/api/v1/programs/{id}?limit=1", id);
            model.addAttribute("program", program);
            model.addAttribute("plannedAt", Views.longTime(Views.instant(program, "plannedAt")));
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
        }
        return "cancel";
    }

    @PostMapping("/campagnes/{id}/annuler")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        checkId(id);
        try {
            var reply = backends.delete(Service.SCHEDULER, "/api/v1/programs/{id}?reason={reason}", id, "annulée depuis la console");
            redirect.addFlashAttribute("cancelled", reply.get("cancelled"));
        } catch (BackendException e) {
            redirect.addFlashAttribute("cancelProblem", Problems.of(e).detail());
        }
        return "redirect:/campagnes/" + id;
    }

    @GetMapping("/messages/{id}")
    String message(@PathVariable String id, Model model) {
        checkId(id);
        try {
            Map<String, Object> message = backends.get(Service.TRACKER, "/api/v1/messages/{id}", id);
            model.addAttribute("message", message);
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
        }
        return "message";
    }

    /** The sum of a reply's counts by reason (absent: none). */
    static long total(@Nullable Object byReason) {
        return byReason instanceof Map<?, ?> counts
                ? counts.values().stream().mapToLong(n -> ((Number) n).longValue()).sum() : 0;
    }

    static void checkId(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}

package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import io.missive.console.clients.ApiClients;
import io.missive.console.clients.NewApiClient;
import io.missive.console.clients.http.ApiKeyDesk;
import io.missive.console.people.People;
import io.missive.console.people.PeopleChange;
import io.missive.console.people.Person;
import io.missive.console.people.Role;
import io.missive.console.people.http.PeopleDesk;
import io.missive.schemas.access.Scopes;
import io.missive.schemas.audit.AuditUnavailableException;
import io.missive.schemas.audit.HttpCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins only ({@code /admin/**}): people (added, given another role, removed after a confirmation; never the last
 * admin) and API keys, which the console keeps itself, and the audit
 * log, which the tracker keeps ({@code GET /api/v1/audit}, built by the audit work at the same time: until
 * it is there, the page says the log is unavailable).
 */
@Controller
class AdminController {

    private static final int MIN_PASSWORD = 12;
    /** Aircall's number ids are integers; letters, digits, - and _ leave room without letting markup or spaces in. */
    private static final Pattern AIRCALL_NUMBER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final People people;
    private final PeopleDesk desk;
    private final ApiClients clients;
    private final ApiKeyDesk keys;
    private final Backends backends;
    private final Clock clock;

    AdminController(People people, PeopleDesk desk, ApiClients clients, ApiKeyDesk keys, Backends backends, Clock clock) {
        this.people = people;
        this.desk = desk;
        this.clients = clients;
        this.keys = keys;
        this.backends = backends;
        this.clock = clock;
    }

    @GetMapping("/admin/utilisateurs")
    String people(Model model) {
        model.addAllAttributes(usersPage());
        return "users";
    }

    /** What the users and keys page shows. */
    private Map<String, Object> usersPage() {
        return Map.of("people", people.all(), "clients", clients.all(), "scopes", Scopes.ALL, "now", clock.instant());
    }

    @PostMapping("/admin/utilisateurs")
    String addPerson(@RequestParam String email, @RequestParam String motDePasse, @RequestParam String role, HttpServletRequest http,
                     RedirectAttributes redirect) {
        var chosen = role(role);
        if (!email.contains("@") || motDePasse.length() < MIN_PASSWORD || chosen == null) {
            redirect.addFlashAttribute("personProblem", true);
        } else if (!desk.add(email, motDePasse, chosen, HttpCaller.of(http))) {
            redirect.addFlashAttribute("personExists", true);
        } else {
            redirect.addFlashAttribute("personAdded", email);
        }
        return "redirect:/admin/utilisateurs";
    }

    @PostMapping("/admin/utilisateurs/role")
    String changeRole(@RequestParam String email, @RequestParam String role, HttpServletRequest http, RedirectAttributes redirect) {
        var chosen = role(role);
        if (chosen == null) {
            redirect.addFlashAttribute("personProblem", true);
            return "redirect:/admin/utilisateurs";
        }
        var outcome = desk.changeRole(email, chosen, HttpCaller.of(http));
        redirect.addFlashAttribute("change", outcome.name());
        redirect.addFlashAttribute("changed", Person.normalise(email));
        redirect.addFlashAttribute("changedRole", chosen.name());
        return "redirect:/admin/utilisateurs";
    }

    /** Removal asks first: who, with which role, and what it does. */
    @GetMapping("/admin/utilisateurs/retirer")
    String confirmRemoval(@RequestParam String email, Model model, RedirectAttributes redirect) {
        var person = people.find(email);
        if (person.isEmpty()) {
            redirect.addFlashAttribute("change", PeopleChange.NO_SUCH_PERSON.name());
            redirect.addFlashAttribute("changed", Person.normalise(email));
            return "redirect:/admin/utilisateurs";
        }
        model.addAttribute("person", person.get());
        return "user-remove";
    }

    @PostMapping("/admin/utilisateurs/retirer")
    String remove(@RequestParam String email, HttpServletRequest http, RedirectAttributes redirect) {
        var outcome = desk.remove(email, HttpCaller.of(http));
        redirect.addFlashAttribute("change", outcome == PeopleChange.DONE ? "REMOVED" : outcome.name());
        redirect.addFlashAttribute("changed", Person.normalise(email));
        return "redirect:/admin/utilisateurs";
    }

    /** A person's own Aircall number (Compose's default when they send through Aircall); blank removes it. */
    @PostMapping("/admin/utilisateurs/aircall")
    String setAircallNumber(@RequestParam String email, @RequestParam(defaultValue = "") String aircallNumberId, HttpServletRequest http,
                            RedirectAttributes redirect) {
        var number = aircallNumberId.strip();
        if (!number.isEmpty() && !AIRCALL_NUMBER_ID.matcher(number).matches()) {
            redirect.addFlashAttribute("aircallProblem", true);
            return "redirect:/admin/utilisateurs";
        }
        var set = desk.setAircallNumber(email, number.isEmpty() ? null : number, HttpCaller.of(http));
        redirect.addFlashAttribute(set ? "aircallSet" : "aircallProblem", set ? email : true);
        return "redirect:/admin/utilisateurs";
    }

    /**
     * An act the audit trail did not take was not done (decision 0021): the page says so, with the service's 503, as
     * the API's {@code audit-unavailable} problem does.
     */
    @ExceptionHandler(AuditUnavailableException.class)
    ModelAndView auditUnavailable() {
        var page = new ModelAndView("users", HttpStatus.SERVICE_UNAVAILABLE);
        page.addAllObjects(usersPage());
        page.addObject("auditUnavailable", true);
        return page;
    }

    private static @Nullable Role role(String role) {
        return switch (role) {
            case "STAFF" -> Role.STAFF;
            case "ADMIN" -> Role.ADMIN;
            default -> null;
        };
    }

    @PostMapping("/admin/cles")
    String addKey(@RequestParam String nom, @RequestParam(required = false) @Nullable List<String> scopes, HttpServletRequest http,
                  RedirectAttributes redirect) {
        try {
            var issued = keys.issue(new NewApiClient(nom, Set.copyOf(scopes == null ? List.of() : scopes), null), null, HttpCaller.of(http));
            // Shown once, on the next page only: the secret is kept as a hash.
            redirect.addFlashAttribute("issuedId", issued.client().clientId());
            redirect.addFlashAttribute("issuedSecret", issued.clientSecret());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("keyProblem", e.getMessage());
        }
        return "redirect:/admin/utilisateurs";
    }

    @PostMapping("/admin/cles/{clientId}/revoquer")
    String revoke(@PathVariable String clientId, HttpServletRequest http, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", keys.revoke(clientId, HttpCaller.of(http)) ? clientId : null);
        return "redirect:/admin/utilisateurs";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Math.max(0, page));
        try {
            var reply = backends.get(Service.TRACKER, "/api/v1/audit?page={page}&size=50", Math.max(0, page));
            model.addAttribute("entries", Views.list(reply, "items"));
        } catch (BackendException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("problem", Problems.of(e));
        }
        return "audit";
    }
}

package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import io.missive.console.clients.ApiClients;
import io.missive.console.clients.NewApiClient;
import io.missive.console.clients.http.ApiKeyDesk;
import io.missive.console.people.People;
import io.missive.console.people.Role;
import io.missive.schemas.access.Scopes;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.HttpCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins only ({@code /admin/**}): people and API keys, which the console keeps itself, and the audit
 * log, which the tracker keeps ({@code GET /api/v1/audit}, built by the audit work at the same time: until
 * it is there, the page says the log is unavailable).
 */
@Controller
class AdminController {

    private static final int MIN_PASSWORD = 12;
    /** Aircall's number ids are integers; letters, digits, - and _ leave room without letting markup or spaces in. */
    private static final java.util.regex.Pattern AIRCALL_NUMBER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final People people;
    private final ApiClients clients;
    private final ApiKeyDesk keys;
    private final PasswordEncoder passwords;
    private final Backends backends;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    AdminController(People people, ApiClients clients, ApiKeyDesk keys, PasswordEncoder passwords, Backends backends, Clock clock,
                    AuditTrail audit, TransactionTemplate tx) {
        this.people = people;
        this.clients = clients;
        this.keys = keys;
        this.passwords = passwords;
        this.backends = backends;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping("/admin/utilisateurs")
    String people(Model model) {
        model.addAttribute("people", people.all());
        model.addAttribute("clients", clients.all());
        model.addAttribute("scopes", Scopes.ALL);
        model.addAttribute("now", clock.instant());
        return "users";
    }

    @PostMapping("/admin/utilisateurs")
    String addPerson(@RequestParam String email, @RequestParam String motDePasse, @RequestParam String role, HttpServletRequest http,
                     RedirectAttributes redirect) {
        var caller = HttpCaller.of(http);
        if (!email.contains("@") || motDePasse.length() < MIN_PASSWORD || !Set.of("STAFF", "ADMIN").contains(role)) {
            redirect.addFlashAttribute("personProblem", true);
        } else if (!Boolean.TRUE.equals(tx.execute(status -> {
            // Stored and audited in one transaction, as API keys are: a person the trail did not record is not added.
            if (!people.add(email, passwords.encode(motDePasse), Role.valueOf(role), caller.actor())) {
                return false;
            }
            audit.record(AuditAct.of(caller, "user.add", "user:" + email, Map.of("role", role)));
            return true;
        }))) {
            redirect.addFlashAttribute("personExists", true);
        } else {
            redirect.addFlashAttribute("personAdded", email);
        }
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
        var caller = HttpCaller.of(http);
        var set = Boolean.TRUE.equals(tx.execute(status -> {
            // Audited with the change, in one transaction: it decides which number families see by default.
            if (!people.setAircallNumber(email, number.isEmpty() ? null : number)) {
                return false;
            }
            audit.record(AuditAct.of(caller, "user.aircall", "user:" + email, Map.of("aircallNumberId", number)));
            return true;
        }));
        redirect.addFlashAttribute(set ? "aircallSet" : "aircallProblem", set ? email : true);
        return "redirect:/admin/utilisateurs";
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

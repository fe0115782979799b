package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import java.security.Principal;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opt-outs: a phone's state and history (tracker), and opting it back in with a reason (gateway; admins
 * only, as the security configuration enforces on every POST here).
 */
@Controller
class OptOutsController {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private final Backends backends;

    OptOutsController(Backends backends) {
        this.backends = backends;
    }

    @GetMapping("/desinscriptions")
    String search(@RequestParam(required = false) @Nullable String telephone, Model model) {
        model.addAttribute("telephone", telephone);
        if (telephone == null || telephone.isBlank()) {
            return "optouts";
        }
        var phone = normalise(telephone);
        if (!E164.matcher(phone).matches()) {
            model.addAttribute("badPhone", true);
            return "optouts";
        }
        try {
            model.addAttribute("optOut", backends.get(Service.TRACKER, "/api/v1/optouts/{phone}", phone));
        } catch (BackendException e) {
            if (e.notFound()) {
                model.addAttribute("never", true);
            } else {
                model.addAttribute("problem", Problems.of(e));
            }
        }
        model.addAttribute("phone", phone);
        return "optouts";
    }

    @PostMapping("/desinscriptions/{phone}/reinscrire")
    String optBackIn(@PathVariable String phone, @RequestParam String raison, Principal person, RedirectAttributes redirect) {
        if (!E164.matcher(phone).matches() || raison.isBlank()) {
            redirect.addFlashAttribute("optInProblem", "raison");
            return "redirect:/desinscriptions";
        }
        try {
            backends.post(Service.GATEWAY, "/api/v1/optouts/{phone}/revoke", Map.of("author", person.getName(), "reason", raison.strip()),
                    phone);
            redirect.addFlashAttribute("optedIn", true);
        } catch (BackendException e) {
            redirect.addFlashAttribute("optInProblem", Problems.of(e).detail());
        }
        redirect.addAttribute("telephone", phone);
        return "redirect:/desinscriptions";
    }

    /** French numbers as staff type them (06 12 34 56 78) become E.164 (+33612345678). */
    static String normalise(String typed) {
        var compact = typed.replaceAll("[\\s.()-]", "");
        if (compact.startsWith("00")) {
            return "+" + compact.substring(2);
        }
        if (compact.matches("0[1-9]\\d{8}")) {
            return "+33" + compact.substring(1);
        }
        return compact;
    }
}

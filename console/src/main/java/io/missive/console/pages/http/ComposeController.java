package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import io.missive.console.backend.http.Backends;
import io.missive.console.backend.http.Service;
import io.missive.console.people.People;
import io.missive.console.people.Person;
import java.util.List;
import java.util.Map;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Compose: the form, its live preview (the scheduler's dry run, asked again as the person types), the
 * confirmation that repeats the count and the time, and programming. The preview shown and the command
 * sent are built from the same form by the same code ({@link ComposeForm#toCommand()}).
 */
@Controller
class ComposeController {

    private final Backends backends;
    private final People people;

    ComposeController(Backends backends, People people) {
        this.backends = backends;
        this.people = people;
    }

    /** A new form; the Aircall number is the person's own when they have one (they may still change it). */
    @GetMapping("/composer")
    String compose(Principal person, Model model) {
        var ownNumber = people.find(person.getName()).map(Person::aircallNumberId).orElse(null);
        model.addAttribute("form", ComposeForm.blank(ownNumber));
        variables(model);
        return "compose";
    }

    /** The preview fragment, for htmx: the figures, or why the command would be rejected. */
    @PostMapping("/composer/apercu")
    String preview(@ModelAttribute("form") ComposeForm form, Model model) {
        if (form.recipientLines().isEmpty() || form.message() == null || form.message().isBlank()) {
            model.addAttribute("incomplete", true);
            return "compose :: apercu";
        }
        try {
            model.addAttribute("preview", PreviewView.of(backends.post(Service.SCHEDULER, "/api/v1/programs/preview", form.toCommand())));
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
        }
        return "compose :: apercu";
    }

    /** Before programming: the same preview, asked once more, and the count and time to confirm. */
    @PostMapping("/composer/confirmer")
    String confirm(@ModelAttribute("form") ComposeForm form, Model model) {
        try {
            model.addAttribute("preview", PreviewView.of(backends.post(Service.SCHEDULER, "/api/v1/programs/preview", form.toCommand())));
            return "confirm";
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
            variables(model);
            return "compose";
        }
    }

    /** Back from the confirmation to the form as it was filled in: message, picks, time and provider kept. */
    @PostMapping("/composer/modifier")
    String edit(@ModelAttribute("form") ComposeForm form, Model model) {
        variables(model);
        return "compose";
    }

    @PostMapping("/composer/programmer")
    String program(@ModelAttribute("form") ComposeForm form, Model model, RedirectAttributes redirect) {
        var command = form.toCommand();
        try {
            var reply = backends.post(Service.SCHEDULER, "/api/v1/programs", command);
            redirect.addFlashAttribute("programmed", reply.get("accepted"));
            return "redirect:/campagnes/" + command.get("commandId");
        } catch (BackendException e) {
            model.addAttribute("problem", Problems.of(e));
            variables(model);
            return "compose";
        }
    }

    /** The palette: built-in variables and the directory's own; without the scheduler, an empty palette and the form still works. */
    private void variables(Model model) {
        try {
            var reply = backends.get(Service.SCHEDULER, "/api/v1/variables");
            model.addAttribute("variables", reply.getOrDefault("variables", List.of()));
        } catch (BackendException e) {
            model.addAttribute("variables", List.<Map<String, Object>>of());
            model.addAttribute("variablesUnavailable", true);
        }
    }
}

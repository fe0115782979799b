package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.rendering.UnknownVariableException;
import io.missive.scheduler.rendering.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The template variables of a recipient, by name: from the directory for a parent (its built-in fields and its
 * per-parent variables), as given for a raw phone (built-in names, or names the directory declares).
 */
final class RecipientValues {

    private RecipientValues() {
    }

    static Map<String, String> fromDirectory(Parent parent, @Nullable Child child, @Nullable Supporter supporter) {
        // Per-parent values first: a built-in name is refused in them, so nothing here is overwritten.
        var values = new HashMap<String, String>(parent.variables());
        putIfPresent(values, Variable.PRENOM_ENFANT, child == null ? null : child.firstName());
        putIfPresent(values, Variable.PARENT_SECURITY_TOKEN, parent.securityToken());
        putIfPresent(values, Variable.PARENT_ADDRESS, parent.address());
        if (supporter != null) {
            putIfPresent(values, Variable.PRENOM_ACCOMPAGNANTE, supporter.firstName());
            putIfPresent(values, Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, supporter.aircallNumber());
        }
        return values;
    }

    /** @param declared whether the directory declares a per-parent variable of that name */
    static Map<String, String> explicit(RecipientRequest request, Predicate<String> declared) {
        var values = new HashMap<String, String>();
        request.variables().forEach((name, value) -> {
            var builtIn = Variable.named(name);
            if (builtIn.isPresent()) {
                values.put(builtIn.get().name(), value);
            } else if (declared.test(name)) {
                values.put(name, value);
            } else {
                throw new UnknownVariableException(name);
            }
        });
        return values;
    }

    private static void putIfPresent(Map<String, String> values, Variable variable, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(variable.name(), value);
        }
    }
}

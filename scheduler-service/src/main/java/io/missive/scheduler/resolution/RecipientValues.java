package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.rendering.UnknownVariableException;
import io.missive.scheduler.rendering.Variable;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The template variables of a recipient: from the directory for a parent, as given for a raw phone. */
final class RecipientValues {

    private RecipientValues() {
    }

    static Map<Variable, String> fromDirectory(Parent parent, @Nullable Child child, @Nullable Supporter supporter) {
        var values = new EnumMap<Variable, String>(Variable.class);
        putIfPresent(values, Variable.PRENOM_ENFANT, child == null ? null : child.firstName());
        putIfPresent(values, Variable.PARENT_SECURITY_TOKEN, parent.securityToken());
        putIfPresent(values, Variable.PARENT_ADDRESS, parent.address());
        if (supporter != null) {
            putIfPresent(values, Variable.PRENOM_ACCOMPAGNANTE, supporter.firstName());
            putIfPresent(values, Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, supporter.aircallNumber());
        }
        return values;
    }

    static Map<Variable, String> explicit(RecipientRequest request) {
        var values = new EnumMap<Variable, String>(Variable.class);
        request.variables().forEach((name, value) ->
                values.put(Variable.named(name).orElseThrow(() -> new UnknownVariableException(name)), value));
        return values;
    }

    private static void putIfPresent(Map<Variable, String> values, Variable variable, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(variable, value);
        }
    }
}

package io.missive.scheduler.rendering;

import java.util.Arrays;
import java.util.Optional;

/** The six variables a template may use (the programme's "variables de personnalisation"). */
public enum Variable {
    PRENOM_ENFANT,
    URL,
    PRENOM_ACCOMPAGNANTE,
    NUMERO_AIRCALL_ACCOMPAGNANTE,
    PARENT_SECURITY_TOKEN,
    PARENT_ADDRESS;

    public String placeholder() {
        return "{" + name() + "}";
    }

    /** Accepts {@code PRENOM_ENFANT} or {@code {PRENOM_ENFANT}}. */
    public static Optional<Variable> named(String name) {
        var bare = name.startsWith("{") && name.endsWith("}") ? name.substring(1, name.length() - 1) : name;
        return Arrays.stream(values()).filter(v -> v.name().equals(bare)).findFirst();
    }
}

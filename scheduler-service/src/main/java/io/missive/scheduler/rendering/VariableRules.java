package io.missive.scheduler.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a per-parent variable map may hold: names a template can spell as a placeholder (upper-case letter,
 * then upper-case letters, digits and {@code _}, at most 64), not a built-in name (those come from the
 * directory's own fields), at most {@value #MAX_ENTRIES} entries and {@value #MAX_VALUE_LENGTH} characters a value.
 */
public final class VariableRules {

    public static final int MAX_ENTRIES = 64;
    public static final int MAX_VALUE_LENGTH = 2000;
    public static final int MAX_NAME_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private VariableRules() {
    }

    /** A rule one field breaks: {@code field} as the caller names it ({@code parents[3].variables.foo}). */
    public record Violation(String field, String rule) {
        @Override
        public String toString() {
            return field + ": " + rule;
        }
    }

    /** Every rule the map breaks, each naming its field under {@code prefix}; empty when it may be stored. */
    public static List<Violation> check(String prefix, Map<String, String> variables) {
        return check(prefix, variables, false);
    }

    /**
     * The rules for a raw phone's variables in a command: the same, except that built-in names are allowed
     * (a raw phone has no directory fields to take them from).
     */
    public static List<Violation> checkGiven(String prefix, Map<String, String> variables) {
        return check(prefix, variables, true);
    }

    private static List<Violation> check(String prefix, Map<String, String> variables, boolean builtInAllowed) {
        var violations = new ArrayList<Violation>();
        if (variables.size() > MAX_ENTRIES) {
            violations.add(new Violation(prefix, "at most " + MAX_ENTRIES + " variables a parent, got " + variables.size()));
        }
        variables.forEach((name, value) -> {
            var field = prefix + "." + name;
            if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
                violations.add(new Violation(field, "a variable name is an upper-case letter then upper-case letters, digits or _ "
                        + "(at most " + MAX_NAME_LENGTH + ")"));
            } else if (!builtInAllowed && Variable.named(name).isPresent()) {
                violations.add(new Violation(field, "{" + name + "} is built in and comes from the directory's own fields"));
            }
            if (value == null) {
                violations.add(new Violation(field, "a value is required"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                violations.add(new Violation(field, "at most " + MAX_VALUE_LENGTH + " characters a value, got " + value.length()));
            }
        });
        return violations;
    }
}

package io.missive.scheduler.rendering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template with {@code {VARIABLE}} placeholders. Parsing rejects any upper-case
 * placeholder that is not one of the six {@link Variable}s, so a typo never reaches a parent.
 */
public record Template(String text, Set<Variable> variables) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z][A-Z0-9_]*)}");

    public Template {
        variables = Set.copyOf(variables);
    }

    public static Template parse(String text) {
        var used = EnumSet.noneOf(Variable.class);
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            var name = matcher.group(1);
            used.add(Variable.named(name).orElseThrow(() -> new UnknownVariableException(name)));
        }
        return new Template(text, used);
    }

    public boolean uses(Variable variable) {
        return variables.contains(variable);
    }

    /** Fills every placeholder; a variable without a (non-blank) value is reported missing and left as is. */
    public Rendering render(Map<Variable, String> values) {
        var missing = EnumSet.noneOf(Variable.class);
        Matcher matcher = PLACEHOLDER.matcher(text);
        var body = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            var variable = Variable.valueOf(matcher.group(1));
            var value = values.get(variable);
            if (value == null || value.isBlank()) {
                missing.add(variable);
                matcher.appendReplacement(body, Matcher.quoteReplacement(matcher.group()));
            } else {
                matcher.appendReplacement(body, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(body);
        return new Rendering(body.toString(), missing);
    }

    /** A rendered body, and the variables that had no value (then the message must not be sent). */
    public record Rendering(String body, Set<Variable> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }
}

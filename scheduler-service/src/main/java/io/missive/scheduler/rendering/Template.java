package io.missive.scheduler.rendering;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template with {@code {VARIABLE}} placeholders. Parsing rejects any upper-case
 * placeholder that is not one of the six {@link Variable}s, so a typo never reaches a parent; it also
 * splits the text once into literals and variables, so rendering a million bodies is plain appends.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z][A-Z0-9_]*)}");

    private final String text;
    private final Set<Variable> variables;
    /** Literal {@link String}s and {@link Variable}s, in order. */
    private final List<Object> parts;

    private Template(String text, Set<Variable> variables, List<Object> parts) {
        this.text = text;
        this.variables = Set.copyOf(variables);
        this.parts = List.copyOf(parts);
    }

    public static Template parse(String text) {
        var used = EnumSet.noneOf(Variable.class);
        var parts = new ArrayList<Object>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int literalStart = 0;
        while (matcher.find()) {
            var name = matcher.group(1);
            var variable = Variable.named(name).orElseThrow(() -> new UnknownVariableException(name));
            used.add(variable);
            if (matcher.start() > literalStart) {
                parts.add(text.substring(literalStart, matcher.start()));
            }
            parts.add(variable);
            literalStart = matcher.end();
        }
        if (literalStart < text.length()) {
            parts.add(text.substring(literalStart));
        }
        return new Template(text, used, parts);
    }

    public String text() {
        return text;
    }

    public Set<Variable> variables() {
        return variables;
    }

    public boolean uses(Variable variable) {
        return variables.contains(variable);
    }

    /** Fills every placeholder; a variable without a (non-blank) value is reported missing and left as is. */
    public Rendering render(Map<Variable, String> values) {
        Set<Variable> missing = Set.of();
        var body = new StringBuilder(text.length() + 64);
        for (var part : parts) {
            if (part instanceof Variable variable) {
                var value = values.get(variable);
                if (value == null || value.isBlank()) {
                    if (missing.isEmpty()) {
                        missing = EnumSet.noneOf(Variable.class);
                    }
                    missing.add(variable);
                    body.append(variable.placeholder());
                } else {
                    body.append(value);
                }
            } else {
                body.append((String) part);
            }
        }
        return new Rendering(body.toString(), missing);
    }

    /** A rendered body, and the variables that had no value (then the message must not be sent). */
    public record Rendering(String body, Set<Variable> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }
}

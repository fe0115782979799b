package io.missive.scheduler.rendering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template with {@code {VARIABLE}} placeholders. Parsing rejects any upper-case placeholder that
 * is neither one of the six built-in {@link Variable}s nor declared in the directory (a per-parent variable
 * some parent has a value for), so a typo never reaches a parent; it also splits the text once into literals
 * and variable names, so rendering a million bodies is plain appends.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z][A-Z0-9_]*)}");

    private final String text;
    /** The variable names used, in order of first use. */
    private final Set<String> variables;
    /** Literal {@link String}s and {@link Placeholder}s, in order. */
    private final List<Object> parts;

    private Template(String text, Set<String> variables, List<Object> parts) {
        this.text = text;
        this.variables = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(variables));
        this.parts = List.copyOf(parts);
    }

    /** A template that may use the built-in variables only. */
    public static Template parse(String text) {
        return parse(text, name -> false);
    }

    /** @param declared whether a name that is not built in is declared in the directory */
    public static Template parse(String text, Predicate<String> declared) {
        var used = new LinkedHashSet<String>();
        var parts = new ArrayList<Object>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int literalStart = 0;
        while (matcher.find()) {
            var name = matcher.group(1);
            if (Variable.named(name).isEmpty() && !used.contains(name) && !declared.test(name)) {
                throw new UnknownVariableException(name);
            }
            used.add(name);
            if (matcher.start() > literalStart) {
                parts.add(text.substring(literalStart, matcher.start()));
            }
            parts.add(new Placeholder(name));
            literalStart = matcher.end();
        }
        if (literalStart < text.length()) {
            parts.add(text.substring(literalStart));
        }
        return new Template(text, used, parts);
    }

    /** Every upper-case placeholder name in the text that is not built in, in order of first use. */
    public static Set<String> customNames(String text) {
        var names = new LinkedHashSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (Variable.named(matcher.group(1)).isEmpty()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    public String text() {
        return text;
    }

    /** The variable names used, in order of first use. */
    public Set<String> variables() {
        return variables;
    }

    public boolean uses(Variable variable) {
        return variables.contains(variable.name());
    }

    /**
     * Fills every placeholder; a variable without a (non-blank) value is reported missing (in order of first
     * use) and left as is.
     */
    public Rendering render(Map<String, String> values) {
        Set<String> missing = Set.of();
        var body = new StringBuilder(text.length() + 64);
        for (var part : parts) {
            if (part instanceof Placeholder(String name)) {
                var value = values.get(name);
                if (value == null || value.isBlank()) {
                    if (missing.isEmpty()) {
                        missing = new LinkedHashSet<>();
                    }
                    missing.add(name);
                    body.append('{').append(name).append('}');
                } else {
                    body.append(value);
                }
            } else {
                body.append((String) part);
            }
        }
        return new Rendering(body.toString(), missing);
    }

    private record Placeholder(String name) {
    }

    /** A rendered body, and the names of the variables that had no value (then the message must not be sent). */
    public record Rendering(String body, Set<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }

        /** The first missing variable, the one a failure names. */
        public String firstMissing() {
            return missing.iterator().next();
        }
    }
}

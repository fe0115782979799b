package io.missive.spothit.dispatch;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SpotHit's personalisation syntax: {@code {VAR}} replaced by the recipient's value. */
final class TemplateText {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");

    private TemplateText() {
    }

    static String render(String template, Map<String, String> variables) {
        return VARIABLE.matcher(template).replaceAll(match ->
                Matcher.quoteReplacement(variables.getOrDefault(match.group(1), match.group())));
    }
}

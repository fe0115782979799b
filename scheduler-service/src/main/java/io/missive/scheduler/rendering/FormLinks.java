package io.missive.scheduler.rendering;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Form links that must carry the parent's token: a link matching one of the configured patterns (Typeform,
 * VideoAsk...) whose fragment is {@code #st=…} gets {@code #st={PARENT_SECURITY_TOKEN}}, so each parent's
 * answers come back tied to them. A form link without {@code #st=} is left alone: the form does not ask for it.
 */
public final class FormLinks {

    /** Typeform and VideoAsk, the forms the programme sends. */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "https?://[A-Za-z0-9.-]*typeform\\.com/\\S*",
            "https?://[A-Za-z0-9.-]*videoask\\.com/\\S*");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern TOKEN_FRAGMENT = Pattern.compile("#st=[^\\s&]*");
    private static final String TOKEN = "#st=" + Variable.PARENT_SECURITY_TOKEN.placeholder();

    private final List<Pattern> patterns;

    public FormLinks(List<String> patterns) {
        this.patterns = patterns.stream().map(Pattern::compile).toList();
    }

    /** The text with every form link's {@code #st=} fragment set to the parent's token; the text itself when none. */
    public String tokenise(String text) {
        Matcher links = LINK.matcher(text);
        var out = new StringBuilder(text.length() + 32);
        boolean changed = false;
        while (links.find()) {
            var link = links.group();
            var replacement = link;
            if (patterns.stream().anyMatch(p -> p.matcher(link).matches())) {
                replacement = TOKEN_FRAGMENT.matcher(link).replaceFirst(Matcher.quoteReplacement(TOKEN));
            }
            changed |= !replacement.equals(link);
            links.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        links.appendTail(out);
        return changed ? out.toString() : text;
    }
}

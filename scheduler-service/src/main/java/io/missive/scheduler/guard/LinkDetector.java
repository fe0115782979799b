package io.missive.scheduler.guard;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Finds links: with a scheme ({@code https://…}), without one ({@code partenaire.fr/page}, {@code www.exemple.com}),
 * and spaced out to slip past filters ({@code www exemple . com}, {@code exemple .fr}, {@code exemple[.]com}). A
 * scheme-less link needs a known top-level domain, and the rules below keep the habits of French SMS out: a
 * capitalised word after the dot is a sentence ({@code 10h.Ca marche ?}), a time is not a host ({@code 10h.ca}), a
 * top-level domain that is also a word needs a path or {@code www} ({@code demain.et toi}), and a dot spaced only
 * after is a full stop ({@code bravo. info}). Missive's own tracked links ({@code <base>/r/<code>}) are never found.
 * A link's value is canonical: host in lower case, then port and path as written, no scheme. One hand-written pass,
 * no regular expression: it runs on every rendered message.
 */
final class LinkDetector {

    private static final int MAX_LABELS = 16;

    private final String trackedHost;

    /** @param linkBaseUrl the public base of tracked links ({@code https://m.example}) */
    LinkDetector(String linkBaseUrl) {
        var uri = URI.create(linkBaseUrl);
        var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        this.trackedHost = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    void find(String text, Spans exempt, List<Finding> out) {
        int n = text.length();
        int covered = 0;
        int scheme = text.indexOf("://");
        int i = 0;
        var labels = new int[MAX_LABELS * 2];
        var seps = new int[MAX_LABELS];
        while (i < n) {
            if (scheme >= 0 && scheme < i) {
                scheme = text.indexOf("://", i);
            }
            if (scheme >= 0 && i >= schemeStart(text, scheme) && i <= scheme) {
                int start = schemeStart(text, scheme);
                int end = urlEnd(text, scheme + 3);
                if (start < scheme && end > scheme + 3) {
                    report(text, start, end, canonical(text.substring(scheme + 3, end)), exempt, out);
                }
                covered = end;
                i = Math.max(end, scheme + 3);
                scheme = text.indexOf("://", i);
                continue;
            }
            if (i < covered || !isLabelChar(text.charAt(i)) || (i > 0 && !canStartLabel(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            i = chain(text, i, labels, seps, exempt, out);
        }
    }

    /** Separator kinds, as bits: spaced before the dot, spaced after it, written out ({@code [.]}, {@code dot}), spaces only. */
    private static final int SPACE_BEFORE = 1;
    private static final int SPACE_AFTER = 2;
    private static final int OBFUSCATED = 4;
    private static final int SPACES_ONLY = 8;

    /** Reads a chain of labels from {@code start}, reports the longest acceptable link in it, returns where to go on. */
    private int chain(String text, int start, int[] labels, int[] seps, Spans exempt, List<Finding> out) {
        int n = text.length();
        int count = 0;
        int pos = start;
        int end = labelEnd(text, pos);
        labels[0] = pos;
        labels[1] = end;
        count = 1;
        boolean www = end - pos == 3 && text.regionMatches(true, pos, "www", 0, 3);
        pos = end;
        while (count < MAX_LABELS) {
            int j = pos;
            int before = 0;
            while (j < n && j - pos < 3 && text.charAt(j) == ' ') {
                j++;
                before++;
            }
            int kind = before > 0 ? SPACE_BEFORE : 0;
            if (j < n && text.charAt(j) == '.') {
                j++;
            } else if (bracketedDot(text, j) > 0) {
                j += bracketedDot(text, j);
                kind |= OBFUSCATED;
            } else if (before > 0 && j + 4 <= n && text.regionMatches(true, j, "dot ", 0, 4)) {
                j += 3;
                kind |= OBFUSCATED;
            } else if (before > 0 && www) {
                kind = SPACES_ONLY;
            } else {
                break;
            }
            int after = 0;
            while (j < n && after < 3 && text.charAt(j) == ' ') {
                j++;
                after++;
            }
            if (after > 0 && kind != SPACES_ONLY) {
                kind |= SPACE_AFTER;
            }
            if (j >= n || !isLabelChar(text.charAt(j))) {
                break;
            }
            int labelEnd = labelEnd(text, j);
            labels[2 * count] = j;
            labels[2 * count + 1] = labelEnd;
            seps[count - 1] = kind;
            count++;
            pos = labelEnd;
        }
        int resume = labels[2 * count - 1];
        if (start > 0 && text.charAt(start - 1) == '@') {
            return resume; // an e-mail address: not a link (decision 0110)
        }
        for (int k = count - 1; k >= 1; k--) {
            int tldStart = labels[2 * k];
            int tldEnd = labels[2 * k + 1];
            var tld = text.substring(tldStart, tldEnd);
            if (!isLetters(tld) || !TopLevelDomains.isTld(tld)) {
                continue;
            }
            int linkEnd = pathEnd(text, tldEnd);
            boolean strong = (www && k >= 2) || linkEnd > tldEnd;
            if (www && k < 2) {
                continue;
            }
            if (!strong && (TopLevelDomains.ambiguous(tld) || isCapitalised(tld))) {
                continue;
            }
            var second = text.substring(labels[2 * (k - 1)], labels[2 * (k - 1) + 1]);
            if (!strong && (isTime(second) || !hasLetter(second))) {
                continue;
            }
            if (!separatorsAcceptable(seps, k, strong, www, tld)) {
                continue;
            }
            var value = new StringBuilder(linkEnd - start);
            for (int l = 0; l <= k; l++) {
                if (l > 0) {
                    value.append('.');
                }
                value.append(text, labels[2 * l], labels[2 * l + 1]);
            }
            var host = value.toString().toLowerCase(Locale.ROOT);
            report(text, start, linkEnd, host + text.substring(tldEnd, linkEnd), exempt, out);
            return linkEnd;
        }
        return resume;
    }

    private static boolean separatorsAcceptable(int[] seps, int k, boolean strong, boolean www, String tld) {
        boolean plain = true;
        for (int s = 0; s < k; s++) {
            if (seps[s] != 0) {
                plain = false;
            }
        }
        if (plain) {
            return true;
        }
        // Spaced or written out: deliberate only with a plain, unambiguous top-level domain.
        if (TopLevelDomains.ambiguous(tld) || !(tld.equals(tld.toLowerCase(Locale.ROOT)) || tld.equals(tld.toUpperCase(Locale.ROOT)))) {
            return false;
        }
        for (int s = 0; s < k; s++) {
            int kind = seps[s];
            if (kind == SPACES_ONLY && !www) {
                return false;
            }
            if (kind == SPACE_AFTER && !www && !strong) {
                return false; // "bravo. info": a full stop and a new sentence
            }
        }
        return true;
    }

    private void report(String text, int from, int to, String value, Spans exempt, List<Finding> out) {
        if (exempt.overlaps(from, to) || isTracked(value)) {
            return;
        }
        out.add(new Finding(GuardCheck.LINK, value));
    }

    /** {@code <tracked host>/r/<8 base62>} and nothing more. */
    private boolean isTracked(String value) {
        if (!value.startsWith(trackedHost) || value.length() != trackedHost.length() + 11) {
            return false;
        }
        if (!value.startsWith("/r/", trackedHost.length())) {
            return false;
        }
        for (int i = trackedHost.length() + 3; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /** A link's canonical value from what follows {@code ://}: host (after any {@code user@}) in lower case, the rest as is. */
    static String canonical(String afterScheme) {
        int hostEnd = afterScheme.length();
        for (int i = 0; i < afterScheme.length(); i++) {
            char c = afterScheme.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                hostEnd = i;
                break;
            }
        }
        var host = afterScheme.substring(0, hostEnd);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        return host.toLowerCase(Locale.ROOT) + afterScheme.substring(hostEnd);
    }

    private static int schemeStart(String text, int colon) {
        int i = colon;
        while (i > 0 && isSchemeChar(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    /** Where a URL ends: at white space or a closing mark, less trailing punctuation. */
    private static int urlEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "<>\"«»".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        while (i > from && ".,;:!?)]}'’".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }

    /** After a top-level domain: an optional port and path; where the link ends. */
    private static int pathEnd(String text, int tldEnd) {
        int i = tldEnd;
        int n = text.length();
        if (i + 1 < n && text.charAt(i) == ':' && Character.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < n && text.charAt(i) == '/') {
            return Math.max(i + 1, urlEnd(text, i));
        }
        if (i < n && text.charAt(i) == '?' && urlEnd(text, i) > i + 1) {
            return urlEnd(text, i);
        }
        return i > tldEnd + 1 ? i : tldEnd;
    }

    private static final String[] BRACKETED_DOTS = {"[.]", "(.)", "{.}", "[dot]", "(dot)", "[point]", "(point)"};

    private static int bracketedDot(String text, int j) {
        if (j >= text.length() || "[({".indexOf(text.charAt(j)) < 0) {
            return 0;
        }
        for (var form : BRACKETED_DOTS) {
            if (text.regionMatches(true, j, form, 0, form.length())) {
                return form.length();
            }
        }
        return 0;
    }

    private static int labelEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isLabelChar(text.charAt(i))) {
            i++;
        }
        while (i > from + 1 && text.charAt(i - 1) == '-') {
            i--;
        }
        return i;
    }

    private static boolean isLabelChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }

    private static boolean canStartLabel(char previous) {
        return !(Character.isLetterOrDigit(previous) || previous == '-' || previous == '_' || previous == '.' || previous == '/');
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return s.length() >= 2;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 10h}, {@code 9h30}: a time, as in {@code 10h.ca marche}. */
    private static boolean isTime(String s) {
        int h = s.toLowerCase(Locale.ROOT).indexOf('h');
        if (h < 1 || h > 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (i != h && !Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() - h - 1 <= 2;
    }

    /** {@code Tu}, {@code Com}: the first word of a sentence after a missing space, not a top-level domain. */
    private static boolean isCapitalised(String s) {
        return Character.isUpperCase(s.charAt(0)) && s.length() > 1 && Character.isLowerCase(s.charAt(1));
    }
}

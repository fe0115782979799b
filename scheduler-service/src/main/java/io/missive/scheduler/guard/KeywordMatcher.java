package io.missive.scheduler.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keyword block-list, folded once ({@link TextFolding}). A match starts where a word of the text starts and
 * ends where one ends (or one {@code s}/{@code x} before, for plurals), so {@code V1agra}, {@code v i a g r a} and
 * {@code VIÀGRA} are caught while {@code via gratuit} is not. Keywords are indexed by their first folded letter: a
 * message costs one look-up per word, whatever the length of the list. An allow-listed keyword is an exact value
 * (case aside): a block-list hit inside it is not one ({@code Casino} the supermarket, once an admin said so).
 */
final class KeywordMatcher {

    private record Keyword(String folded, String entry) {
    }

    private final Map<Character, List<Keyword>> byFirst = new HashMap<>();
    private final List<String> allowed;

    KeywordMatcher(List<String> blocked, List<String> allowed) {
        for (var entry : blocked) {
            var folded = TextFolding.folded(entry);
            if (!folded.isEmpty()) {
                byFirst.computeIfAbsent(folded.charAt(0), c -> new ArrayList<>()).add(new Keyword(folded, entry));
            }
        }
        this.allowed = allowed.stream().filter(a -> !a.isBlank()).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean isEmpty() {
        return byFirst.isEmpty();
    }

    /** Adds a finding per block-listed keyword in the folded text, valued by the original text it covers. */
    void find(CharSequence text, TextFolding folding, Spans exempt, List<Finding> out) {
        var chars = folding.chars;
        var marks = folding.marks;
        int length = folding.length;
        for (int i = 0; i < length; i++) {
            if ((marks[i] & TextFolding.STARTS) == 0) {
                continue;
            }
            var candidates = byFirst.get(chars[i]);
            if (candidates == null) {
                continue;
            }
            for (var keyword : candidates) {
                int end = matchEnd(chars, marks, length, i, keyword.folded);
                if (end < 0) {
                    continue;
                }
                int from = folding.origin[i];
                int to = folding.origin[end] + 1;
                while (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
                    to++;
                }
                if (exempt.overlaps(from, to) || isAllowed(text, from, to)) {
                    continue;
                }
                out.add(new Finding(GuardCheck.KEYWORD, text.subSequence(from, to).toString()));
            }
        }
    }

    /** The folded index where the keyword's match ends (inclusive), or -1. */
    private static int matchEnd(char[] chars, byte[] marks, int length, int at, String keyword) {
        int k = keyword.length();
        if (at + k > length) {
            return -1;
        }
        for (int j = 0; j < k; j++) {
            if (chars[at + j] != keyword.charAt(j)) {
                return -1;
            }
        }
        int last = at + k - 1;
        if ((marks[last] & TextFolding.ENDS) != 0) {
            return last;
        }
        if (last + 1 < length && (chars[last + 1] == 's' || chars[last + 1] == 'x') && (marks[last + 1] & TextFolding.ENDS) != 0
                && (marks[last + 1] & TextFolding.STARTS) == 0) {
            return last + 1;
        }
        return -1;
    }

    private boolean isAllowed(CharSequence text, int from, int to) {
        if (allowed.isEmpty()) {
            return false;
        }
        var lower = text.toString().toLowerCase(Locale.ROOT);
        for (var value : allowed) {
            for (int at = lower.indexOf(value); at >= 0; at = lower.indexOf(value, at + 1)) {
                if (at <= from && at + value.length() >= to) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.missive.scheduler.guard;

/**
 * One entry of the allow- or block-list. A {@link ListKind#URL} entry matches a link exactly (host and path, scheme
 * ignored) or, with {@code byDomain}, every link on that domain and its sub-domains; a phone entry is an E.164 number
 * or a short number's digits; a keyword entry is a word or phrase.
 */
public record ListEntry(ListKind kind, String value, boolean byDomain) {

    public static ListEntry url(String value) {
        return new ListEntry(ListKind.URL, value, false);
    }

    public static ListEntry domain(String value) {
        return new ListEntry(ListKind.URL, value, true);
    }

    public static ListEntry phone(String value) {
        return new ListEntry(ListKind.PHONE, value, false);
    }

    public static ListEntry keyword(String value) {
        return new ListEntry(ListKind.KEYWORD, value, false);
    }
}

package io.missive.scheduler.guard;

/** What an allow- or block-list entry names. */
public enum ListKind {
    URL,
    PHONE,
    KEYWORD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public GuardCheck check() {
        return switch (this) {
            case URL -> GuardCheck.LINK;
            case PHONE -> GuardCheck.PHONE;
            case KEYWORD -> GuardCheck.KEYWORD;
        };
    }
}

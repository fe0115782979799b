package io.missive.scheduler.guard;

/** What the guard looks for; each check has its own {@link GuardMode}. */
public enum GuardCheck {
    LINK,
    KEYWORD,
    PHONE;

    /** The name stored and shown: {@code link}, {@code keyword}, {@code phone}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

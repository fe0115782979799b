package io.missive.scheduler.guard;

/** The mode of each check, from configuration. */
public record GuardPolicy(GuardMode links, GuardMode keywords, GuardMode phones) {

    public static final GuardPolicy DEFAULT = new GuardPolicy(GuardMode.BLOCK, GuardMode.BLOCK, GuardMode.MONITOR);
    public static final GuardPolicy OFF = new GuardPolicy(GuardMode.OFF, GuardMode.OFF, GuardMode.OFF);

    public GuardMode mode(GuardCheck check) {
        return switch (check) {
            case LINK -> links;
            case KEYWORD -> keywords;
            case PHONE -> phones;
        };
    }

    public boolean allOff() {
        return links == GuardMode.OFF && keywords == GuardMode.OFF && phones == GuardMode.OFF;
    }
}

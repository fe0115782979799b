package io.missive.scheduler.resolution;

/**
 * One message per recipient of a command ({@code DUPLICATE_RECIPIENT}): a parent once however many
 * selectors reach it ({@code parent:42}), a raw phone once ({@code phone:+33…}). Remembers across pages.
 */
final class DuplicateRecipientRule {

    private final SeenKeys seen = new SeenKeys();

    /** @return false when the key was already given a message (or dropped as a duplicate phone) */
    boolean firstTime(String key) {
        return seen.add(key);
    }
}

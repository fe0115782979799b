package io.missive.scheduler.resolution;

/**
 * One message per phone of a command ({@code DUPLICATE_PHONE}): two parents sharing a phone, or a parent
 * and a raw phone, get one. Remembers across pages, opted-out phones included.
 */
final class DuplicatePhoneRule {

    private final SeenPhones seen = new SeenPhones();

    /** @return false when the E.164 phone was already seen in this command */
    boolean firstTime(String e164) {
        return seen.add(e164);
    }
}

package io.missive.scheduler.guard;

/**
 * One thing a check found: a link (canonical: host and path, no scheme), a phone number (E.164, or a short number's
 * digits) or the text a block-listed keyword matched. Never logged: it may be a phone number.
 */
public record Finding(GuardCheck check, String value) {
}

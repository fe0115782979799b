package io.missive.schemas.attachments;

/**
 * An attachment Missive will not fetch or send, naming the rule it breaks ({@code ATTACHMENT_NOT_HTTPS},
 * {@code ATTACHMENT_TOO_LARGE}…). {@code transientFailure}: the host did not answer or answered 5xx, so the
 * same URL may work later (the dispatcher parks the message); every other refusal is final.
 */
public final class AttachmentRefused extends RuntimeException {

    private final String rule;
    private final boolean transientFailure;

    public AttachmentRefused(String rule, String message) {
        this(rule, message, false);
    }

    public AttachmentRefused(String rule, String message, boolean transientFailure) {
        super(message, null, false, false);
        this.rule = rule;
        this.transientFailure = transientFailure;
    }

    public String rule() {
        return rule;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    /** {@code RULE: message}, as a status reason. */
    public String reason() {
        return rule + ": " + getMessage();
    }
}

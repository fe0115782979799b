package io.missive.gateway.links;

/**
 * A tracked link: the code in {@code /r/{code}}, the message it was minted for, its registered target, and the
 * message's parent (so that a parent's erasure deletes their links).
 */
public record TrackedLink(String code, String messageId, String targetUrl, @org.jspecify.annotations.Nullable String parentId) {

    public TrackedLink(String code, String messageId, String targetUrl) {
        this(code, messageId, targetUrl, null);
    }
}

package io.missive.gateway.links;

/** A tracked link: the code in {@code /r/{code}}, the message it was minted for, and its registered target. */
public record TrackedLink(String code, String messageId, String targetUrl) {
}

package io.missive.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * A configured secret that callbacks must present. Compared in constant time over SHA-256 digests, so
 * neither the content nor the length of the secret leaks through response times.
 */
public final class SharedSecret {

    private final byte @Nullable [] expectedDigest;

    private SharedSecret(@Nullable String secret) {
        this.expectedDigest = secret == null || secret.isEmpty() ? null : digest(secret);
    }

    public static SharedSecret of(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("a shared secret cannot be blank");
        }
        return new SharedSecret(secret);
    }

    /** No secret configured: every caller is accepted. */
    public static SharedSecret none() {
        return new SharedSecret(null);
    }

    public boolean required() {
        return expectedDigest != null;
    }

    public boolean matches(@Nullable String presented) {
        if (expectedDigest == null) {
            return true;
        }
        if (presented == null) {
            // still compare, so a missing secret costs the same time as a wrong one
            MessageDigest.isEqual(expectedDigest, digest(""));
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return expectedDigest == null ? "SharedSecret[none]" : "SharedSecret[****]";
    }
}

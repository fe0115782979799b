package io.missive.schemas.logging;

import org.jspecify.annotations.Nullable;

/** What may appear in logs of a phone number or a secret: never the whole of it. */
public final class Masking {

    private Masking() {
    }

    /** {@code +33612345678} → {@code +336******78}: enough to tell numbers apart in an incident, not to call one. */
    public static String phone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return "<none>";
        }
        int keepStart = Math.min(4, phone.length() / 3);
        int keepEnd = Math.min(2, phone.length() / 4);
        return phone.substring(0, keepStart)
                + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }

    public static String secret(@Nullable String secret) {
        return secret == null || secret.isEmpty() ? "<none>" : "****";
    }
}

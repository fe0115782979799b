package io.missive.console.clients;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An API key as admins see it: never its secret, which is shown once when issued and kept only as a hash. */
public record ApiClient(String clientId, String name, Set<String> scopes, @Nullable Instant expiresAt,
                        @Nullable Instant revokedAt, @Nullable Instant lastUsedAt, Instant createdAt, String createdBy) {

    public ApiClient {
        scopes = Set.copyOf(scopes);
    }

    /** Whether it may still get tokens. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}

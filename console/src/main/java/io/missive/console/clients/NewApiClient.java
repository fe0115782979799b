package io.missive.console.clients;

import io.missive.schemas.access.Scopes;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an admin asks for: a name, scopes (at least one, each known) and, optionally, an expiry in the future. */
public record NewApiClient(String name, Set<String> scopes, @Nullable Instant expiresAt) {

    public NewApiClient {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("an API key needs a name of 1 to 200 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one scope, among " + Scopes.ALL);
        }
        for (var scope : scopes) {
            if (!Scopes.ALL.contains(scope)) {
                throw new IllegalArgumentException("unknown scope " + scope + "; the scopes are " + Scopes.ALL);
            }
        }
        scopes = Set.copyOf(scopes);
        name = name.strip();
    }
}

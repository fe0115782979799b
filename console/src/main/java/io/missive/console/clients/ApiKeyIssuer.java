package io.missive.console.clients;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.function.UnaryOperator;

/** Issues API keys: a readable random client id, a 256-bit random secret, of which only the hash is stored. */
public final class ApiKeyIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClients clients;
    private final UnaryOperator<String> hash;
    private final Clock clock;

    public ApiKeyIssuer(ApiClients clients, UnaryOperator<String> hash, Clock clock) {
        this.clients = clients;
        this.hash = hash;
        this.clock = clock;
    }

    private static final java.util.regex.Pattern CHOSEN_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    /** A new key with a random id, or the id an admin chose ({@code prometheus}, say: configuration names it). */
    public IssuedApiClient issue(NewApiClient request, @org.jspecify.annotations.Nullable String chosenId, String by) {
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new IllegalArgumentException("the expiry must be in the future");
        }
        if (chosenId != null && !CHOSEN_ID.matcher(chosenId).matches()) {
            throw new IllegalArgumentException("a client id is 3 to 64 lower-case letters, digits and dashes");
        }
        if (chosenId != null && clients.find(chosenId).isPresent()) {
            throw new IllegalArgumentException("the client id " + chosenId + " is taken");
        }
        var clientId = chosenId != null ? chosenId : "mk_" + random(12);
        return issue(clientId, random(32), request, by);
    }

    /** A client with a given id and secret (the devstack's, configured at first start); nothing when the id exists. */
    public IssuedApiClient issue(String clientId, String secret, NewApiClient request, String by) {
        var client = new ApiClient(clientId, request.name(), request.scopes(), request.expiresAt(), null, null, clock.instant(), by);
        if (!clients.add(client, hash.apply(secret))) {
            throw new IllegalStateException("an API client " + clientId + " exists already");
        }
        return new IssuedApiClient(client, secret);
    }

    private static String random(int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}

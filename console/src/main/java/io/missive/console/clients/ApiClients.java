package io.missive.console.clients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API keys. */
public interface ApiClients {

    /** Stores a client whose secret is already hashed. False when the id is taken. */
    boolean add(ApiClient client, String secretHash);

    Optional<ApiClient> find(String clientId);

    Optional<String> secretHash(String clientId);

    List<ApiClient> all();

    /** Revokes; false when unknown or already revoked. */
    boolean revoke(String clientId, Instant at);

    void markUsed(String clientId, Instant at);
}

package io.missive.console.clients.jdbc;

import io.missive.console.clients.ApiClients;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The API clients as the authorization server sees them: client credentials only, their scopes, a
 * short token lifetime. A revoked or expired client is unknown to it, so it gets no more tokens (the
 * ones it holds die within the lifetime). Clients are added through {@code ApiKeyIssuer}, not here.
 */
public final class ApiClientRegistry implements RegisteredClientRepository {

    private final ApiClients clients;
    private final Duration tokenLifetime;
    private final Clock clock;

    public ApiClientRegistry(ApiClients clients, Duration tokenLifetime, Clock clock) {
        this.clients = clients;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are issued by an admin, not registered by the authorization server");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        var client = clients.find(clientId).filter(c -> c.usableAt(clock.instant()));
        var hash = clients.secretHash(clientId);
        if (client.isEmpty() || hash.isEmpty()) {
            return null;
        }
        var c = client.get();
        return RegisteredClient.withId(c.clientId())
                .clientId(c.clientId())
                .clientName(c.name())
                .clientSecret(hash.get())
                .clientIdIssuedAt(c.createdAt())
                .clientSecretExpiresAt(c.expiresAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(c.scopes()))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
                .build();
    }
}

package io.missive.console.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.missive.console.clients.ApiClients;
import io.missive.console.clients.jdbc.ApiClientRegistry;
import io.missive.console.keys.SigningKeys;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The authorization server's parts: the signing key (stable across restarts: the services hold its
 * public half), the API clients as registered clients, and a record of when each client last got a
 * token. Tokens are JWTs checked by signature alone, so no issued token is stored (see
 * {@link #authorizationService()}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    JWKSource<SecurityContext> signingKeys(ConsoleProperties properties) {
        var pair = SigningKeys.load(properties.signingKey(), properties.signingKeyFile());
        var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate());
        try {
            // The key id is the key's own thumbprint: the same key, the same id, after any restart.
            key.keyIDFromThumbprint();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return new ImmutableJWKSet<>(new JWKSet(key.build()));
    }

    /** The console's API accepts its own tokens only: its key, and its issuer (a token signed for another is refused). */
    @Bean
    JwtDecoder ownTokens(JWKSource<SecurityContext> signingKeys, ConsoleProperties properties) {
        var decoder = NimbusJwtDecoder.withJwkSource(signingKeys).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return decoder;
    }

    /** Signs the authorization server's tokens and those the pages carry to the services (the same key). */
    @Bean
    JwtEncoder tokenEncoder(JWKSource<SecurityContext> signingKeys) {
        return new NimbusJwtEncoder(signingKeys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(ConsoleProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(ApiClients clients, ConsoleProperties properties, Clock clock) {
        return new ApiClientRegistry(clients, properties.tokenLifetime(), clock);
    }

    /**
     * Keeps when each client last got a token, and gives a client that asks for no scope in particular
     * all of its own (the authorization server would otherwise issue a token good for nothing).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> lastUseAndDefaultScopes(ApiClients clients, Clock clock) {
        return context -> {
            var client = context.getRegisteredClient();
            clients.markUsed(client.getClientId(), clock.instant());
            if (context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim("scope", java.util.List.copyOf(new java.util.TreeSet<>(client.getScopes())));
            }
        };
    }

    /**
     * Client credentials issue self-contained, short-lived JWTs; nothing looks them up again, so they
     * are not kept (an in-memory store would grow with every token). Revoking a client stops new
     * tokens; those it holds expire within the token lifetime.
     */
    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
            }

            @Override
            public @Nullable OAuth2Authorization findById(String id) {
                return null;
            }

            @Override
            public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
                return null;
            }
        };
    }
}

package io.missive.schemas.access;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service finds the console's key to check access tokens. One of the two is required; the
 * public key lets a service start (and check tokens) while the console is down.
 *
 * @param publicKey the console's RSA public key, PEM ({@code MISSIVE_JWT_PUBLIC_KEY})
 * @param jwkSetUri the console's JWK set, {@code http://console:8086/oauth2/jwks} ({@code MISSIVE_JWK_SET_URI})
 * @param issuer    when set, tokens must name this issuer ({@code MISSIVE_JWT_ISSUER})
 */
@ConfigurationProperties("missive.access")
public record AccessProperties(@Nullable String publicKey, @Nullable URI jwkSetUri, @Nullable String issuer) {

    public AccessProperties {
        publicKey = blankToNull(publicKey);
        jwkSetUri = jwkSetUri == null || jwkSetUri.toString().isBlank() ? null : jwkSetUri;
        issuer = blankToNull(issuer);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package io.missive.gateway.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sharedSecret when set, SpotHit callbacks must carry it as the {@code secret} query parameter.
 *                     Off by default: SpotHit's own callbacks carry none, the URL given to SpotHit must.
 */
@ConfigurationProperties("missive.gateway.spothit")
public record SpotHitCallbackProperties(@Nullable String sharedSecret) {

    @Override
    public String toString() {
        return "SpotHitCallbackProperties[sharedSecret=" + (sharedSecret == null || sharedSecret.isBlank() ? "<none>" : "****") + "]";
    }
}

package io.missive.gateway.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param sharedSecret what every SpotHit callback must carry as its {@code secret} query parameter (the
 *                     callback URLs given to SpotHit include it). Required: the gateway faces the internet,
 *                     and without it anyone could opt a parent out or mark messages delivered.
 */
@Validated
@ConfigurationProperties("missive.gateway.spothit")
public record SpotHitCallbackProperties(
        @NotBlank(message = "is required: set SPOT_HIT_CALLBACK_SECRET (SpotHit's callback URLs carry it as ?secret=)")
        String sharedSecret) {

    @Override
    public String toString() {
        return "SpotHitCallbackProperties[sharedSecret=****]";
    }
}

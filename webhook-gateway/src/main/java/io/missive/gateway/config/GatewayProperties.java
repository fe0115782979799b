package io.missive.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param publishTimeout      how long a callback waits for the broker's acknowledgement before a 503
 * @param clickPublishTimeout how long a redirect waits for it before sending the parent on anyway
 * @param maxRequestSize      the cap on a request body
 */
@Validated
@ConfigurationProperties("missive.gateway")
public record GatewayProperties(@NotNull Duration publishTimeout, @NotNull Duration clickPublishTimeout, @NotNull DataSize maxRequestSize) {
}

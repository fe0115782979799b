package io.missive.console.backend.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services the pages read and act through listen ({@code MISSIVE_SCHEDULER_URL},
 * {@code MISSIVE_TRACKER_URL}, {@code MISSIVE_GATEWAY_URL}), and how long a call may take before the
 * page says the service is unavailable rather than hang.
 */
@ConfigurationProperties("missive.console.backends")
public record BackendProperties(String scheduler, String tracker, String gateway, Duration timeout) {
}

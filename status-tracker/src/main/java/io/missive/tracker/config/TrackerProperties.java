package io.missive.tracker.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param consumers         projection consumers in this instance (each takes a share of the partitions)
 * @param gaugeRefresh      how often the messages-by-provider-and-status gauge is recomputed from the store
 * @param outageTolerance   how long a batch is retried while the database is away before the shared
 *                          error handler takes over (keep it below max.poll.interval.ms, 5 min)
 */
@Validated
@ConfigurationProperties("missive.tracker")
public record TrackerProperties(
        @DefaultValue("3") @Min(1) @Max(64) int consumers,
        @DefaultValue("15s") @NotNull Duration gaugeRefresh,
        @DefaultValue("4m") @NotNull Duration outageTolerance) {
}

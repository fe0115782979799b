package io.missive.tracker.config;

import jakarta.validation.Valid;
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
 * @param reconciliation    unknown outcomes reconciled from SpotHit's receipts (decision 0504)
 */
@Validated
@ConfigurationProperties("missive.tracker")
public record TrackerProperties(
        @DefaultValue("3") @Min(1) @Max(64) int consumers,
        @DefaultValue("15s") @NotNull Duration gaugeRefresh,
        @DefaultValue("4m") @NotNull Duration outageTolerance,
        @DefaultValue @NotNull @Valid Reconciliation reconciliation) {

    /**
     * @param window   how long after its FAILED an unknown outcome may still be reconciled: SpotHit's
     *                 receipt window (a message's validity is at most 48 hours)
     * @param grace    how long a receipt for an unknown campaign waits before it may reconcile, so that a
     *                 late SENT of the campaign claims it first
     * @param interval how often the receipts are looked at
     * @param page     the most receipt and message pairs looked at each time
     */
    public record Reconciliation(
            @DefaultValue("48h") @NotNull Duration window,
            @DefaultValue("60s") @NotNull Duration grace,
            @DefaultValue("5s") @NotNull Duration interval,
            @DefaultValue("5000") @Min(1) int page) {
    }
}

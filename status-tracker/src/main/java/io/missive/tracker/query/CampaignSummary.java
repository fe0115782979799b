package io.missive.tracker.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A campaign (the program's commandId): how many of its messages stand at each status, per provider,
 * and how their delivery went: {@code delivered} counts DELIVERED and READ messages (a read message was
 * delivered), {@code read} the READ ones, {@code fallback} RCS messages delivered by SMS fallback,
 * {@code readRate} = read / delivered (0 when nothing is delivered), {@code byChannel} the channel each
 * message took (as planned until its SENT says otherwise; {@code unknown} when nobody said), {@code waiting}
 * its messages waiting for a provider that is down (decision 0205).
 */
public record CampaignSummary(String campaignId, long total, Map<String, Long> byStatus, List<Count> counts,
                              long delivered, long read, long fallback, double readRate, Map<String, Long> byChannel,
                              ProviderWait waiting) {

    public record Count(String provider, int status, String statusName, long messages) {
    }

    /**
     * Messages parked by their dispatcher while the provider is unavailable (IN_PROGRESS with an announced
     * next attempt), and the earliest next attempt announced among them (null when none waits). It may be
     * past: the dispatcher announces a park's time on the 1st, 2nd, 4th, 8th… park only, and retries at
     * least every {@code park-max-wait} (5 min) meanwhile.
     */
    public record ProviderWait(long messages, @Nullable Instant nextAttemptAt) {
    }
}

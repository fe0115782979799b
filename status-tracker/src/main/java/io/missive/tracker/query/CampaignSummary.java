package io.missive.tracker.query;

import java.util.List;
import java.util.Map;

/**
 * A campaign (the program's commandId): how many of its messages stand at each status, per provider,
 * and how their delivery went: {@code delivered} counts DELIVERED and READ messages (a read message was
 * delivered), {@code read} the READ ones, {@code fallback} RCS messages delivered by SMS fallback,
 * {@code readRate} = read / delivered (0 when nothing is delivered), {@code byChannel} the channel each
 * message took (as planned until its SENT says otherwise; {@code unknown} when nobody said).
 */
public record CampaignSummary(String campaignId, long total, Map<String, Long> byStatus, List<Count> counts,
                              long delivered, long read, long fallback, double readRate, Map<String, Long> byChannel) {

    public record Count(String provider, int status, String statusName, long messages) {
    }
}

package io.missive.console.pages.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's figures, from the tracker's counters (its {@code CampaignSummary} JSON): how many messages
 * at each status, how far it has gone (messages at a final or settled status), and its rates.
 *
 * @param done      messages that will not move again but for READ: DELIVERED, READ, FAILED, EXPIRED
 * @param delivered DELIVERED and READ (a read message was delivered)
 */
record CampaignView(String campaignId, long total, Map<String, Long> byStatus, long done, long delivered, long read, long failed,
                    int progress, int deliveredRate, int readRate, Map<String, Long> byChannel, boolean active) {

    static final List<String> STATUSES = List.of("PENDING", "IN_PROGRESS", "SENT", "DELIVERED", "READ", "FAILED", "EXPIRED");

    static CampaignView of(String campaignId, @Nullable Map<String, Object> summary) {
        var byStatus = new LinkedHashMap<String, Long>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        var byChannel = new LinkedHashMap<String, Long>();
        long total = 0;
        if (summary != null) {
            Views.map(summary, "byStatus").forEach((status, n) -> byStatus.put(status, n instanceof Number v ? v.longValue() : 0L));
            Views.map(summary, "byChannel").forEach((channel, n) -> byChannel.put(channel, n instanceof Number v ? v.longValue() : 0L));
            total = Views.number(summary, "total");
        }
        long delivered = byStatus.get("DELIVERED") + byStatus.get("READ");
        long failed = byStatus.get("FAILED") + byStatus.get("EXPIRED");
        long done = delivered + failed;
        return new CampaignView(campaignId, total, byStatus, done, delivered, byStatus.get("READ"), failed,
                Views.percent(done, total), Views.percent(delivered, total), Views.percent(byStatus.get("READ"), delivered), byChannel,
                total == 0 || done < total);
    }

    /** Statuses that have messages, in the order of progress, for the page's table. */
    public List<Map.Entry<String, Long>> shownStatuses() {
        return new ArrayList<>(byStatus.entrySet());
    }
}

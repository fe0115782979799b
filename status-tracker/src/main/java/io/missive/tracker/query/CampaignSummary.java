package io.missive.tracker.query;

import java.util.List;
import java.util.Map;

/** A campaign (the program's commandId): how many of its messages stand at each status, per provider. */
public record CampaignSummary(String campaignId, long total, Map<String, Long> byStatus, List<Count> counts) {

    public record Count(String provider, int status, String statusName, long messages) {
    }
}

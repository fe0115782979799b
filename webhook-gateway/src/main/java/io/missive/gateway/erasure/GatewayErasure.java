package io.missive.gateway.erasure;

import io.missive.schemas.retention.PurgeRule;
import io.missive.schemas.retention.RetentionProperties;
import java.util.List;

/** What the gateway erases and purges: tracked links (the parent's, and any older than their retention). */
public final class GatewayErasure {

    public static final String SERVICE = "webhook-gateway";

    private GatewayErasure() {
    }

    public static List<PurgeRule> retention(RetentionProperties policy) {
        return List.of(PurgeRule.delete("links", "tracked_link", "registered_at < ?", policy.links()));
    }
}

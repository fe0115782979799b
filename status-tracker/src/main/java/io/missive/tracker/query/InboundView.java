package io.missive.tracker.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parent's reply or STOP, with the parents whose phone it came from (none while the directory does not know it). */
public record InboundView(String eventId, String provider, String phone, String body, String kind,
                          @Nullable String providerMessageId, Instant receivedAt, List<String> parentIds) {

    public InboundView {
        parentIds = List.copyOf(parentIds);
    }
}

package io.missive.tracker.query;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A parent's reply or STOP. */
public record InboundView(String eventId, String provider, String phone, String body, String kind,
                          @Nullable String providerMessageId, Instant receivedAt) {
}

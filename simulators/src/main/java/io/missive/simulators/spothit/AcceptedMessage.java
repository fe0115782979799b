package io.missive.simulators.spothit;

import org.jspecify.annotations.Nullable;

/** A message the simulator accepted for one recipient: what the handset would show. */
public record AcceptedMessage(String campaignId, String phone, String text, String endpoint,
                              @Nullable String attachment, @Nullable String sender) {
}

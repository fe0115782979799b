package io.missive.tracker.projection.jdbc;

import io.missive.events.Provider;
import org.jspecify.annotations.Nullable;

/**
 * The provider id a message is known by (and its phone, when known): taught by a SENT report or already
 * on the message's row. Stored receipts are matched to messages through it.
 */
record ProviderIdentity(String messageId, Provider provider, String providerMessageId, @Nullable String phone) {
}

package io.missive.aircall.cards;

import java.time.Instant;

/** A card claimed for posting: useless from {@code deadline} on. */
public record PendingCard(String callId, InsightCard card, Instant deadline, int attempts) {
}

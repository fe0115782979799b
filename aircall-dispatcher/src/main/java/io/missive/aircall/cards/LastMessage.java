package io.missive.aircall.cards;

import io.missive.aircall.dispatch.DispatchState;
import java.time.Instant;

/** The last message this dispatcher sent (or tried to send) to a phone, as its ledger knows it. */
public record LastMessage(String body, DispatchState state, Instant receivedAt) {
}

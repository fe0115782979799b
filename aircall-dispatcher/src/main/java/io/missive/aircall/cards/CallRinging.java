package io.missive.aircall.cards;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An inbound call ringing on a supporter's line, which asks for an insight card.
 *
 * @param phone      the caller's number in E.164; null when hidden or not a phone number
 * @param occurredAt when Aircall says the call started ringing
 */
public record CallRinging(String callId, @Nullable String phone, Instant occurredAt) {
}

package io.missive.gateway.aircall;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an Aircall webhook the gateway reads: {@code {"event", "timestamp", "token", "data": {…}}}.
 *
 * @param timestamp seconds since the epoch, as Aircall sends it
 * @param token     the webhook's token, which Aircall puts in the payload
 */
public record AircallWebhook(@Nullable String event, @Nullable Long timestamp, @Nullable String token, Data data) {

    /**
     * The fields of {@code data} used by message and call webhooks (ids as text, numbers included).
     *
     * @param externalNumber the parent's number (messages)
     * @param rawDigits      the other party's number (calls)
     * @param numberId       {@code data.number.id}: the supporter's Aircall number
     * @param userId         {@code data.user.id}
     */
    public record Data(
            @Nullable String id,
            @Nullable String direction,
            @Nullable String status,
            @Nullable String externalNumber,
            @Nullable String rawDigits,
            @Nullable String body,
            @Nullable String numberId,
            @Nullable String userId,
            @Nullable Integer durationSeconds) {
    }
}

package io.missive.simulators.aircall;

import java.time.Instant;

/** One webhook POST the simulator made, with the receiver's HTTP status (0 when it could not connect). */
public record WebhookDelivery(String url, String event, long messageId, String status, String json, Instant at, int responseStatus) {
}

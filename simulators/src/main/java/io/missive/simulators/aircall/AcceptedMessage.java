package io.missive.simulators.aircall;

import java.time.Instant;

/** A message the simulator accepted (answered 200 with an id): what Aircall would have sent. */
public record AcceptedMessage(long id, String numberId, String to, String body, String apiId, Instant acceptedAt) {
}

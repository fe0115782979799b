package io.missive.simulators.aircall;

import java.time.Instant;

/** Every send request the simulator answered, with the HTTP status it gave (200, 401, 404, 422, 429, 5xx...). */
public record SendAttempt(String numberId, String to, String apiId, Instant at, int status) {
}

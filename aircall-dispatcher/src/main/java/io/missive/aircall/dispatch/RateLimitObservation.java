package io.missive.aircall.dispatch;

import java.time.Instant;

/** What Aircall's {@code X-AircallApi-Limit}, {@code -Remaining} and {@code -Reset} headers said. */
public record RateLimitObservation(int limit, int remaining, Instant reset) {
}

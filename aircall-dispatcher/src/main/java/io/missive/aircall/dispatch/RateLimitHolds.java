package io.missive.aircall.dispatch;

import java.time.Instant;

/**
 * Where the replicas of one set of credentials agree that nothing may start before an instant
 * (Aircall's {@code X-AircallApi-Remaining: 0} or a 429 named its reset).
 */
public interface RateLimitHolds {

    /** Nothing starts before {@code until}; a later hold already recorded stays. */
    void holdUntil(String credentials, Instant until);

    /** The latest hold recorded, or {@link Instant#MIN}. */
    Instant heldUntil(String credentials);
}

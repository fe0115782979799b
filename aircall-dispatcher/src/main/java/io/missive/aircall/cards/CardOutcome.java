package io.missive.aircall.cards;

import io.missive.aircall.dispatch.RateLimitObservation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What posting a card came to, with what the reply's rate-limit headers said. */
public sealed interface CardOutcome {

    @Nullable RateLimitObservation rateLimit();

    record Posted(@Nullable RateLimitObservation rateLimit) implements CardOutcome {
    }

    /** A 429: nothing before {@code until}. */
    record Throttled(Instant until, @Nullable RateLimitObservation rateLimit) implements CardOutcome {
    }

    /** Refused or broken; {@code worthRetrying} when a later attempt may succeed (5xx, unreachable, timeout). */
    record Failed(String reason, boolean worthRetrying, @Nullable RateLimitObservation rateLimit) implements CardOutcome {
    }
}

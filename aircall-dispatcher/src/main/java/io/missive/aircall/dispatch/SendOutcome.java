package io.missive.aircall.dispatch;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What one call to Aircall came to. */
public sealed interface SendOutcome {

    /** The rate-limit headers of the reply, when there was one. */
    @Nullable RateLimitObservation rateLimit();

    /** Aircall took the message: it has an id. */
    record Accepted(String aircallMessageId, @Nullable RateLimitObservation rateLimit) implements SendOutcome {
    }

    /** A refusal that retrying cannot fix (bad number, body too long, unknown number id). */
    record Rejected(String reason, @Nullable RateLimitObservation rateLimit) implements SendOutcome {
    }

    /**
     * Not sent this time (5xx, refused connection, bad credentials): worth another attempt later.
     * {@code providerUnavailable}: Aircall itself was down (5xx, unreachable), not our request.
     */
    record Failed(String reason, @Nullable RateLimitObservation rateLimit, boolean providerUnavailable) implements SendOutcome {
    }

    /** 429: not processed; nothing is allowed before {@code until}. Does not count as an attempt. */
    record Throttled(Instant until, @Nullable RateLimitObservation rateLimit) implements SendOutcome {
    }

    /** No answer (timeout after sending): Aircall may or may not have sent it. */
    record Unknown(String reason) implements SendOutcome {
        @Override
        public @Nullable RateLimitObservation rateLimit() {
            return null;
        }
    }
}

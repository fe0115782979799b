package io.missive.spothit.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a message waits for SpotHit after a transient failure (decision 0205): the n-th park waits
 * {@code firstWait × 2^(n−1)}, at most {@code maxWait}, and never past its deadline, {@code giveUpAfter}
 * after its planned time. A failure at or past the deadline fails it with {@link #GAVE_UP}. The ledger
 * applies it in the statement that parks a call's messages, each row with its own park count.
 */
public record Parking(Duration firstWait, Duration maxWait, Duration giveUpAfter) {

    /** The reason of a message whose deadline passed while SpotHit stayed unavailable. */
    public static final String GAVE_UP = "PROVIDER_UNAVAILABLE";

    public Parking {
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("parking waits must be positive and max-wait at least first-wait");
        }
    }

    /** The reason a message gets when SpotHit stayed unavailable until its deadline. */
    public static String gaveUpReason(String lastFailure) {
        return GAVE_UP + ": " + lastFailure;
    }
}

package io.missive.spothit.dispatch;

/** What to do with a call whose outcome is unknown (a timeout after sending). */
public enum UnknownOutcomePolicy {
    /** Mark its messages FAILED with reason {@code UNKNOWN_OUTCOME}: nobody gets a message twice. */
    FAIL,
    /** Send it again within the retry budget: nobody misses a message, some may get it twice. */
    RETRY;

    public static final String REASON = "UNKNOWN_OUTCOME";
}

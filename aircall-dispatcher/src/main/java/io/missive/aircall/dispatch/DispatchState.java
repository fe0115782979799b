package io.missive.aircall.dispatch;

/** Where a message stands in the dispatch ledger. */
public enum DispatchState {
    /** Waiting for its (next) attempt, due at its {@code nextAttemptAt}. */
    PENDING,
    /** Claimed for an attempt that is under way: its outcome is not known yet. */
    SENDING,
    /** Aircall accepted it. */
    SENT,
    /** Refused, out of attempts, or outcome unknown: final. */
    FAILED
}

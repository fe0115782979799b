package io.missive.spothit.dispatch;

/**
 * A message's place in the dispatch ledger. PENDING: known, never sent (safe to send). SENDING: a
 * call naming it has started, its outcome is not settled yet. PARKED: a call failed for a reason that
 * may pass (SpotHit certainly did not take it); the retry loop sends it again when its next attempt is
 * due (decision 0205). SENT and FAILED are settled.
 */
public enum DispatchState {
    PENDING, SENDING, PARKED, SENT, FAILED
}

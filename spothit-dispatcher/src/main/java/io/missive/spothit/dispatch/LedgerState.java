package io.missive.spothit.dispatch;

/**
 * A message's place in the dispatch ledger. PLANNED: known, never sent (safe to send). SENDING: a
 * call naming it has started, its outcome is not settled yet. PARKED: a call failed for a reason that
 * may pass (SpotHit certainly did not take it); the retry loop sends it again when its next attempt is
 * due. SENT and FAILED are settled.
 */
public enum LedgerState {
    PLANNED, SENDING, PARKED, SENT, FAILED
}

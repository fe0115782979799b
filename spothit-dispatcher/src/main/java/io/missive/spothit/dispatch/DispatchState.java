package io.missive.spothit.dispatch;

/**
 * A message's place in the dispatch ledger. PENDING: known, never sent (safe to send). SENDING: a
 * call naming it has started, its outcome is not settled yet. SENT and FAILED are settled.
 */
public enum DispatchState {
    PENDING, SENDING, SENT, FAILED
}

package io.missive.spothit.dispatch;

/**
 * A message's place in the dispatch ledger. PLANNED: known, never sent (safe to send). SENDING: a
 * call naming it has started, its outcome is not settled yet. SENT and FAILED are settled.
 */
public enum LedgerState {
    PLANNED, SENDING, SENT, FAILED
}

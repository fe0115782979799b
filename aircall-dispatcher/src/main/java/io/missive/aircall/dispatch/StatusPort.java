package io.missive.aircall.dispatch;

import java.util.List;

/**
 * The port that tells the rest of Missive what became of messages: SENT (with the outbound
 * AircallMessage record), IN_PROGRESS while retrying, FAILED with a reason. Returns once the
 * broker acknowledged every event, so the ledger can mark them announced.
 */
public interface StatusPort {

    void publish(List<LedgerEntry> changes);
}

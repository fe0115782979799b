package io.missive.spothit.dispatch;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles messages left in SENDING by a dispatcher that died between its call and the settlement.
 * SpotHit may or may not have them, and sending again could reach someone twice, so they are
 * FAILED with reason {@code UNKNOWN_OUTCOME} (the ledger keeps no message body to re-send).
 * {@code stuckAfter} must exceed the longest a live call can take, retries included.
 */
public final class StuckDispatchRecovery {

    private static final Logger log = LoggerFactory.getLogger(StuckDispatchRecovery.class);
    private static final int PAGE = 1000;

    private final DispatchLedger ledger;
    private final StatusPort status;
    private final Duration stuckAfter;

    public StuckDispatchRecovery(DispatchLedger ledger, StatusPort status, Duration stuckAfter) {
        this.ledger = ledger;
        this.status = status;
        this.stuckAfter = stuckAfter;
    }

    /** Returns how many messages it settled. */
    public int recover() {
        int total = 0;
        while (true) {
            var stuck = ledger.stuckSending(stuckAfter, PAGE);
            if (stuck.isEmpty()) {
                break;
            }
            var settled = ledger.settleFailed(stuck.stream().map(LedgerEntry::messageId).toList(),
                    DispatchState.SENDING, UnknownOutcomePolicy.REASON, 1);
            status.publish(settled.stream().map(StatusChange::of).toList());
            total += settled.size();
            if (stuck.size() < PAGE) {
                break;
            }
        }
        if (total > 0) {
            log.warn("event=dispatch.recovered_unknown_outcome messages={} stuckAfter={}", total, stuckAfter);
        }
        return total;
    }
}

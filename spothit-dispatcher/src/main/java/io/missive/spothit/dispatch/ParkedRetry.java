package io.missive.spothit.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable retry of a SpotHit outage: sends the parked messages whose next attempt is due, a page
 * at a time and in the order they were planned, through the dispatcher's normal batching. Parked
 * messages are ledger rows, so a restart loses none; two instances may read the same page, and the
 * ledger's conditional move to SENDING gives each message to one of them.
 */
public final class ParkedRetry {

    private static final Logger log = LoggerFactory.getLogger(ParkedRetry.class);

    private final DispatchLedger ledger;
    private final Dispatcher dispatcher;
    private final int pageSize;

    public ParkedRetry(DispatchLedger ledger, Dispatcher dispatcher, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.pageSize = pageSize;
    }

    /**
     * Returns how many due messages it tried. Each message tried leaves the due set (sent, failed, or
     * parked again with a later attempt), so the loop ends.
     */
    public int retryDue() {
        int total = 0;
        while (true) {
            var due = ledger.dueParked(pageSize);
            if (due.isEmpty()) {
                break;
            }
            dispatcher.resend(due);
            total += due.size();
            if (due.size() < pageSize) {
                break;
            }
        }
        if (total > 0) {
            log.info("event=dispatch.parked_retried messages={}", total);
        }
        return total;
    }

    public DispatchLedger.ParkedSummary summary() {
        return ledger.parkedSummary();
    }
}

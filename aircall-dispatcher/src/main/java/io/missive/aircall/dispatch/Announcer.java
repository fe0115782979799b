package io.missive.aircall.dispatch;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the ledger recorded and marks it announced: the outbox of the dispatch ledger. A
 * crash between the two only repeats an announcement, whose event id is the same, so downstream
 * recognises it.
 */
public final class Announcer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    private static final int BATCH = 500;

    private final DispatchLedger ledger;
    private final StatusPort announcements;
    private final Duration pollInterval;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running = true;

    public Announcer(DispatchLedger ledger, StatusPort announcements, Duration pollInterval) {
        this.ledger = ledger;
        this.announcements = announcements;
        this.pollInterval = pollInterval;
    }

    public void wake() {
        wakeup.signal();
    }

    public void stop() {
        running = false;
        wakeup.signal();
    }

    /** Announces everything pending now; returns how many changes. */
    public int announcePending() {
        int total = 0;
        while (true) {
            var changes = ledger.unannounced(BATCH);
            if (changes.isEmpty()) {
                return total;
            }
            announcements.publish(changes);
            changes.forEach(change -> ledger.markAnnounced(change.message().messageId(), change.version()));
            total += changes.size();
            if (changes.size() < BATCH) {
                return total;
            }
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                announcePending();
                wakeup.await(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("event=aircall.announce_error error={}", e.toString(), e);
                try {
                    wakeup.await(pollInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        announcePending();
    }
}

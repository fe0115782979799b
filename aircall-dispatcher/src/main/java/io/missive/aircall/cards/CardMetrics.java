package io.missive.aircall.cards;

/** Counts what cards come to, for the service's metrics. */
public interface CardMetrics {

    /** One of {@code posted}, {@code dropped} (not posted before its deadline), {@code failed} (refused by Aircall). */
    void outcome(String outcome);
}

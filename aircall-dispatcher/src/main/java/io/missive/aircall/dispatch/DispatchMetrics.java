package io.missive.aircall.dispatch;

/** Counts what attempts come to, for the service's metrics. */
public interface DispatchMetrics {

    /** One of {@code sent}, {@code rejected}, {@code retry}, {@code failed}, {@code throttled}, {@code unknown}. */
    void outcome(String outcome);
}

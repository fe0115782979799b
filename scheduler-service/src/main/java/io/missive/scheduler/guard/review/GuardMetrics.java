package io.missive.scheduler.guard.review;

import io.missive.scheduler.guard.GuardCheck;
import io.missive.scheduler.guard.GuardMode;

/** Counts attempts by check and mode (Micrometer, in the configuration). */
@FunctionalInterface
public interface GuardMetrics {

    GuardMetrics NONE = (check, mode) -> {
    };

    void attempt(GuardCheck check, GuardMode mode);
}

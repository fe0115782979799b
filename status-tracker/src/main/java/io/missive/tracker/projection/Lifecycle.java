package io.missive.tracker.projection;

import io.missive.events.Status;
import io.missive.schemas.Statuses;

/**
 * Where a message stands: still {@link Open} to progress, or {@link Closed} at a terminal status.
 * A closed message accepts nothing; a different terminal report against it is an anomaly.
 */
public sealed interface Lifecycle permits Lifecycle.Open, Lifecycle.Closed {

    Status status();

    /** What one more report does to the message. */
    Step accept(Status reported);

    static Lifecycle at(Status status) {
        return Statuses.isTerminal(status) ? new Closed(status) : new Open(status);
    }

    record Open(Status status) implements Lifecycle {
        @Override
        public Step accept(Status reported) {
            return Statuses.movesForward(status, reported)
                    ? new Step(at(reported), true, false)
                    : new Step(this, false, false);
        }
    }

    record Closed(Status status) implements Lifecycle {
        @Override
        public Step accept(Status reported) {
            return new Step(this, false, Statuses.isTerminal(reported) && reported != status);
        }
    }

    /**
     * @param after   the lifecycle after the report
     * @param moved   whether the report moved the message forward
     * @param anomaly whether it conflicts with a terminal status already reached
     */
    record Step(Lifecycle after, boolean moved, boolean anomaly) {
    }
}

package io.missive.tracker.projection;

import io.missive.events.Status;
import io.missive.schemas.Statuses;

/**
 * Where a message stands: {@link Open} to progress, {@link Settled} once delivered (only READ may
 * still follow), or {@link Closed} at a final status (READ, FAILED, EXPIRED). A report that
 * contradicts a settled outcome (FAILED after DELIVERED, READ after FAILED…) is an anomaly;
 * DELIVERED and READ agree, in either order (docs/decisions/0012).
 */
public sealed interface Lifecycle permits Lifecycle.Open, Lifecycle.Settled, Lifecycle.Closed {

    Status status();

    /** What one more report does to the message. */
    Step accept(Status reported);

    static Lifecycle at(Status status) {
        if (Statuses.isTerminal(status)) {
            return new Closed(status);
        }
        return Statuses.isSettled(status) ? new Settled(status) : new Open(status);
    }

    record Open(Status status) implements Lifecycle {
        @Override
        public Step accept(Status reported) {
            return Statuses.movesForward(status, reported)
                    ? new Step(at(reported), true, false)
                    : new Step(this, false, false);
        }
    }

    record Settled(Status status) implements Lifecycle {
        @Override
        public Step accept(Status reported) {
            return Statuses.movesForward(status, reported)
                    ? new Step(at(reported), true, false)
                    : new Step(this, false, Statuses.contradicts(status, reported));
        }
    }

    record Closed(Status status) implements Lifecycle {
        @Override
        public Step accept(Status reported) {
            return new Step(this, false, Statuses.contradicts(status, reported));
        }
    }

    /**
     * @param after   the lifecycle after the report
     * @param moved   whether the report moved the message forward
     * @param anomaly whether it conflicts with a settled outcome already reached
     */
    record Step(Lifecycle after, boolean moved, boolean anomaly) {
    }
}

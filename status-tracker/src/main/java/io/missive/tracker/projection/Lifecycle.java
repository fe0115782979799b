package io.missive.tracker.projection;

import io.missive.events.Status;
import io.missive.schemas.Statuses;
import org.jspecify.annotations.Nullable;

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

    /**
     * The one exception to "a final status is final" (decision 0504): a message FAILED
     * {@code UNKNOWN_OUTCOME} (a call SpotHit may have taken) whose receipts show it took it becomes
     * SENT, so that those receipts settle it. Any other message takes the report as a plain SENT.
     */
    default Step reconcile(@Nullable String reason) {
        if (this instanceof Closed(var status) && status == Status.FAILED && reason != null
                && reason.startsWith(UNKNOWN_OUTCOME)) {
            return new Step(new Open(Status.SENT), true, false);
        }
        return accept(Status.SENT);
    }

    /** The reason the SpotHit dispatcher gives a call it cannot tell whether SpotHit took. */
    String UNKNOWN_OUTCOME = "UNKNOWN_OUTCOME";

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

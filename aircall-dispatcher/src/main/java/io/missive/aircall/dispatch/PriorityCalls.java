package io.missive.aircall.dispatch;

import java.util.Optional;

/**
 * Aircall calls that go before the messages waiting, within the same rate limit: an insight card is
 * useful only while the phone rings, a message can wait a second. The dispatch loop claims one,
 * waits for the limiter's hold like for a message, makes the call on its own thread (so the calls
 * stay serial and each reply's headers exact) and settles it on the settling thread.
 */
public interface PriorityCalls {

    /** The next priority call due, claimed; empty if none is. */
    Optional<Claimed> claimNext();

    /** None: the loop sends messages only. */
    static PriorityCalls none() {
        return Optional::empty;
    }

    /** A claimed priority call. */
    interface Claimed {

        /** Takes the permit and makes the call; returns what records its outcome (run off the calling thread). */
        Runnable call();

        /** Not called (the service is stopping): back to the queue as it was. */
        void giveBack();
    }
}

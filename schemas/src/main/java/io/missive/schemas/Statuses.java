package io.missive.schemas;

import io.missive.events.Status;

/**
 * The shared status codes and their order of progress: 0 → 3 → 2 → {1, 4, 5}.
 * The Avro symbol order is the code, so {@code status.ordinal()} is the code the programme's application stored.
 */
public final class Statuses {

    private Statuses() {
    }

    public static int code(Status status) {
        return status.ordinal();
    }

    public static Status fromCode(int code) {
        var values = Status.values();
        if (code < 0 || code >= values.length) {
            throw new IllegalArgumentException("status code must be 0 to 5, was " + code);
        }
        return values[code];
    }

    /** Position in the order of progress; every terminal status shares the last rank. */
    public static int rank(Status status) {
        return switch (status) {
            case PENDING -> 0;
            case IN_PROGRESS -> 1;
            case SENT -> 2;
            case DELIVERED, FAILED, EXPIRED -> 3;
        };
    }

    public static boolean isTerminal(Status status) {
        return rank(status) == 3;
    }

    /** Whether a message at {@code current} may move to {@code next}: only forward, never out of a terminal status. */
    public static boolean movesForward(Status current, Status next) {
        return !isTerminal(current) && rank(next) > rank(current);
    }
}

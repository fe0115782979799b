package io.missive.schemas;

import io.missive.events.Status;

/**
 * The shared status codes and their order of progress: 0 → 3 → 2 → 1 → 6, with 4 and 5 final.
 * The Avro symbol order is the code, so {@code status.ordinal()} is the code the programme's application stored.
 * DELIVERED is settled but not final: the handset may still report the message READ
 * (docs/decisions/0012).
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
            throw new IllegalArgumentException("status code must be 0 to " + (values.length - 1) + ", was " + code);
        }
        return values[code];
    }

    /** Position in the order of progress; FAILED and EXPIRED share DELIVERED's rank, READ comes after it. */
    public static int rank(Status status) {
        return switch (status) {
            case PENDING -> 0;
            case IN_PROGRESS -> 1;
            case SENT -> 2;
            case DELIVERED, FAILED, EXPIRED -> 3;
            case READ -> 4;
        };
    }

    /** Final: nothing moves the message any more. DELIVERED is not final (READ may follow). */
    public static boolean isTerminal(Status status) {
        return status == Status.FAILED || status == Status.EXPIRED || status == Status.READ;
    }

    /** The delivery is decided: delivered (perhaps read), failed or expired. */
    public static boolean isSettled(Status status) {
        return rank(status) >= 3;
    }

    /** Whether a message at {@code current} may move to {@code next}: only forward, never out of a terminal status. */
    public static boolean movesForward(Status current, Status next) {
        return !isTerminal(current) && rank(next) > rank(current);
    }

    /**
     * Whether a report contradicts a settled status: two different outcomes of one delivery.
     * DELIVERED and READ agree (a read message was delivered); FAILED or EXPIRED against either does not.
     */
    public static boolean contradicts(Status settled, Status reported) {
        if (!isSettled(settled) || !isSettled(reported) || settled == reported) {
            return false;
        }
        return !(delivered(settled) && delivered(reported));
    }

    private static boolean delivered(Status status) {
        return status == Status.DELIVERED || status == Status.READ;
    }
}

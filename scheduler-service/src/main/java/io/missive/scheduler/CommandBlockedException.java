package io.missive.scheduler;

/**
 * The send guard held a command (issue 18): nothing is stored or published, the details are an attempt for an admin
 * to relaunch or dismiss. The message is the same whatever fired, so a sender cannot learn how to slip past.
 */
public final class CommandBlockedException extends RuntimeException {

    /** The one sentence a sender is told. */
    public static final String GENERIC = "This message was held for review before sending; an administrator will look at it.";

    private final long attemptId;

    public CommandBlockedException(long attemptId) {
        super(GENERIC, null, false, false);
        this.attemptId = attemptId;
    }

    public long attemptId() {
        return attemptId;
    }
}

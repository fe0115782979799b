package io.missive.scheduler;

/**
 * A command that cannot be accepted as given (unknown variable, impossible date, Aircall without its
 * prerequisites...): nothing is stored or published. {@code code} is stable, for clients; the message is for people.
 */
public final class CommandRejectedException extends RuntimeException {

    private final String code;

    public CommandRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

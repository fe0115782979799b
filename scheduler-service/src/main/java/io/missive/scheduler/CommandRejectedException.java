package io.missive.scheduler;

import org.jspecify.annotations.Nullable;

/**
 * A command that cannot be accepted as given (unknown variable, impossible date, Aircall without its
 * prerequisites...): nothing is stored or published. {@code code} is stable, for clients; the message is for people;
 * {@code variable} names the variable an {@code UNKNOWN_VARIABLE} is about.
 */
public final class CommandRejectedException extends RuntimeException {

    private final String code;
    private final @Nullable String variable;

    public CommandRejectedException(String code, String message) {
        this(code, message, null);
    }

    public CommandRejectedException(String code, String message, @Nullable String variable) {
        super(message);
        this.code = code;
        this.variable = variable;
    }

    public String code() {
        return code;
    }

    public @Nullable String variable() {
        return variable;
    }
}

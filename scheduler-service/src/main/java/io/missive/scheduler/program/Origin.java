package io.missive.scheduler.program;

import org.jspecify.annotations.Nullable;

/**
 * Where a command came from and who sent it, as far as is known (the author is null until the access work gives
 * one). A relaunch is an admin's replay of a command the guard held: the guard is passed for it.
 */
public record Origin(Channel channel, @Nullable String author) {

    public enum Channel {
        REST,
        KAFKA,
        RELAUNCH,
        INTERNAL
    }

    public static Origin rest(@Nullable String author) {
        return new Origin(Channel.REST, author);
    }

    public static Origin kafka(@Nullable String author) {
        return new Origin(Channel.KAFKA, author);
    }

    public static Origin relaunch(@Nullable String admin) {
        return new Origin(Channel.RELAUNCH, admin);
    }

    public static Origin internal() {
        return new Origin(Channel.INTERNAL, null);
    }
}

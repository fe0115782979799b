package io.missive.scheduler.program;

import io.missive.schemas.audit.AuditAct;
import org.jspecify.annotations.Nullable;

/**
 * Where a command came from and who sent it: the caller of a REST request (its token's subject and address), the
 * author a Kafka command names (or {@code kafka}), the admin who relaunched a held command. A relaunch is an admin's
 * replay of a command the guard held: the guard is passed for it.
 */
public record Origin(Channel channel, @Nullable String author, String from) {

    public enum Channel {
        REST,
        KAFKA,
        RELAUNCH,
        INTERNAL
    }

    public static Origin rest(AuditAct.Caller caller) {
        return new Origin(Channel.REST, caller.actor(), caller.from());
    }

    public static Origin kafka(@Nullable String author) {
        var caller = AuditAct.Caller.kafka(author);
        return new Origin(Channel.KAFKA, caller.actor(), caller.from());
    }

    public static Origin relaunch(AuditAct.Caller admin) {
        return new Origin(Channel.RELAUNCH, admin.actor(), admin.from());
    }

    public static Origin internal() {
        return new Origin(Channel.INTERNAL, null, "internal");
    }

    /** Who the audit trail names for this command. */
    public AuditAct.Caller caller() {
        return new AuditAct.Caller(author == null ? "system" : author, from);
    }
}

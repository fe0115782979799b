package io.missive.schemas.audit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audited act as a service reports it: who ({@code actor}), what ({@code act}, dotted such as
 * {@code guard.allowed.add}), to what ({@code target}, {@code kind:id}, which logs never show: it may be a phone
 * number), what changed ({@code details}: never a
 * secret nor a whole phone number) and from where ({@code from}: the caller's address, or {@code kafka}).
 *
 * @param eventId the audit entry's id: random, or derived from the act with {@link #once} so that an act redone
 *                (a redelivered Kafka command) is recorded once
 */
public record AuditAct(String eventId, String actor, String act, String target, Map<String, String> details, String from) {

    /** What an act that came through a topic records as its address (and as its actor when nobody is named). */
    public static final String KAFKA = "kafka";

    public AuditAct {
        if (act.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("an audited act needs an act and a target");
        }
        actor = actor.isBlank() ? "anonymous" : actor;
        from = from.isBlank() ? "unknown" : from;
        details = Map.copyOf(new LinkedHashMap<>(details));
    }

    public static AuditAct of(Caller caller, String act, String target, Map<String, String> details) {
        return new AuditAct(UUID.randomUUID().toString(), caller.actor(), act, target, details, caller.from());
    }

    /** The same act with an id that depends only on the act, its target and {@code key}: recorded once however often redone. */
    public AuditAct once(String key) {
        var id = UUID.nameUUIDFromBytes((act + '\n' + target + '\n' + key).getBytes(StandardCharsets.UTF_8)).toString();
        return new AuditAct(id, actor, act, target, details, from);
    }

    /** Who acts and from where: a token's subject and the request's address, or a Kafka author and {@code kafka}. */
    public record Caller(String actor, String from) {

        public static Caller kafka(@Nullable String author) {
            return new Caller(author == null || author.isBlank() ? KAFKA : author, KAFKA);
        }
    }
}

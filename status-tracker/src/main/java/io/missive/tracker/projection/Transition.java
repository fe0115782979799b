package io.missive.tracker.projection;

import io.missive.events.Channel;
import io.missive.events.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One status report resolved to the message it concerns, with the channel it names (a SENT names the
 * channel taken) and whether it reports an RCS message delivered by SMS fallback. {@code reconciles}:
 * the tracker's own SENT for a message FAILED {@code UNKNOWN_OUTCOME} whose receipts came (decision 0504).
 */
public record Transition(
        String messageId,
        String eventId,
        Status status,
        Instant occurredAt,
        String source,
        @Nullable String reason,
        @Nullable Integer attempts,
        @Nullable Channel channel,
        boolean fallback,
        boolean reconciles) {

    /** The source of the reports the tracker writes itself when it reconciles an unknown outcome. */
    public static final String RECONCILIATION = "status-tracker:reconciliation";

    /** A report as a service or provider wrote it. */
    public Transition(String messageId, String eventId, Status status, Instant occurredAt, String source,
                      @Nullable String reason, @Nullable Integer attempts, @Nullable Channel channel, boolean fallback) {
        this(messageId, eventId, status, occurredAt, source, reason, attempts, channel, fallback, false);
    }

    /** The message was taken by the provider after all: its receipts name campaign {@code providerMessageId}. */
    public static Transition reconciled(String messageId, String eventId, Instant at, String providerMessageId) {
        return new Transition(messageId, eventId, Status.SENT, at, RECONCILIATION,
                "RECONCILED: SpotHit took it, its receipts name campaign " + providerMessageId,
                null, null, false, true);
    }

    /** A report that names no channel. */
    public Transition(String messageId, String eventId, Status status, Instant occurredAt, String source,
                      @Nullable String reason, @Nullable Integer attempts) {
        this(messageId, eventId, status, occurredAt, source, reason, attempts, null, false);
    }
}

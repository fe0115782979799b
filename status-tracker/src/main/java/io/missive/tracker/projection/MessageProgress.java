package io.missive.tracker.projection;

import io.missive.events.Channel;
import io.missive.events.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The status part of a message's row. Everything here but the status (and its reason) is a function of
 * the set of reports, not of their order: times are the earliest reported, attempts the highest, the
 * channel the one a report named last (only SENT names one), fallback once any report said so.
 */
public record MessageProgress(
        String messageId,
        Lifecycle lifecycle,
        @Nullable Instant plannedAt,
        @Nullable Instant sentAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant finishedAt,
        @Nullable String reason,
        @Nullable Integer attempts,
        @Nullable Instant readAt,
        @Nullable Channel channel,
        boolean fallback) {

    /** A message not read, on no known channel. */
    public MessageProgress(String messageId, Lifecycle lifecycle, @Nullable Instant plannedAt, @Nullable Instant sentAt,
                           @Nullable Instant deliveredAt, @Nullable Instant finishedAt, @Nullable String reason,
                           @Nullable Integer attempts) {
        this(messageId, lifecycle, plannedAt, sentAt, deliveredAt, finishedAt, reason, attempts, null, null, false);
    }

    public Status status() {
        return lifecycle.status();
    }

    /** The message after one more report, and what the report was. */
    public Applied apply(Transition report) {
        var step = report.reconciles() ? lifecycle.reconcile(reason) : lifecycle.accept(report.status());
        // A reconciled message is no longer finished: its receipts finish it again.
        boolean reopened = step.moved() && lifecycle instanceof Lifecycle.Closed;
        var at = report.occurredAt();
        var next = new MessageProgress(messageId, step.after(), plannedAt,
                report.status() == Status.SENT ? earliest(sentAt, at) : sentAt,
                report.status() == Status.DELIVERED ? earliest(deliveredAt, at) : deliveredAt,
                reopened ? null : settles(step) && finishedAt == null ? at : finishedAt,
                step.moved() ? report.reason() : reason,
                highest(attempts, report.attempts()),
                report.status() == Status.READ ? earliest(readAt, at) : readAt,
                report.channel() != null ? report.channel() : channel,
                fallback || report.fallback());
        return new Applied(next, new HistoryEntry(report, step.anomaly()));
    }

    // The delivery is decided when the message first becomes delivered, failed or expired (or read, if READ came first).
    private static boolean settles(Lifecycle.Step step) {
        return step.moved() && !(step.after() instanceof Lifecycle.Open);
    }

    public record Applied(MessageProgress progress, HistoryEntry history) {
    }

    public record HistoryEntry(Transition report, boolean anomaly) {
    }

    private static Instant earliest(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static @Nullable Integer highest(@Nullable Integer current, @Nullable Integer candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate == null ? current : Math.max(current, candidate);
    }
}

package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A status the dispatcher announces for one message: {@link InProgress} when it enters a provider
 * call (status order 0 → 3 → 2, so a message stuck between the two is visible), then its outcome.
 */
public sealed interface StatusChange {

    /** The reason of the IN_PROGRESS announced when a message is first parked (decision 0205). */
    String RETRYING = "PROVIDER_UNAVAILABLE_RETRYING";

    String messageId();

    String phone();

    int attempts();

    /** The message is about to be handed to SpotHit; {@code attempts} is 0: none has finished yet. */
    record InProgress(String messageId, String phone) implements StatusChange {

        @Override
        public int attempts() {
            return 0;
        }
    }

    /** {@code note}: set when the channel is not the one planned (RCS refused, sent as SMS). */
    record Sent(String messageId, String phone, String spotHitMessageId, int attempts, @Nullable Channel channel,
                boolean fallback, @Nullable String note) implements StatusChange {

        public Sent(String messageId, String phone, String spotHitMessageId, int attempts) {
            this(messageId, phone, spotHitMessageId, attempts, null, false, null);
        }
    }

    /**
     * {@code callId}: for an unknown outcome, the call SpotHit may have taken, so that its receipts can
     * reconcile the call's messages (decision 0504); null for any other failure.
     */
    record Failed(String messageId, String phone, String reason, int attempts, @Nullable String callId)
            implements StatusChange {

        public Failed(String messageId, String phone, String reason, int attempts) {
            this(messageId, phone, reason, attempts, null);
        }
    }

    /**
     * Parked: SpotHit is unavailable, the message waits for it (IN_PROGRESS, reason {@link #RETRYING})
     * until {@code nextAttemptAt}; {@code parks}: how many times it was parked, this one included.
     */
    record Retrying(String messageId, String phone, int attempts, @Nullable Instant nextAttemptAt, int parks)
            implements StatusChange {

        public Retrying(String messageId, String phone, int attempts) {
            this(messageId, phone, attempts, null, 1);
        }

        /**
         * Announced on the first park and on every park whose number is a power of two: the next attempt
         * the staff see stays close to the truth while the waits double, at a few events per message
         * however long the outage (decision 0205).
         */
        public static boolean announces(int parks) {
            return parks > 0 && Integer.bitCount(parks) == 1;
        }
    }

    static StatusChange of(LedgerEntry entry) {
        return switch (entry.state()) {
            case SENT -> new Sent(entry.messageId(), entry.phone(), String.valueOf(entry.spotHitMessageId()), entry.attempts(),
                    entry.channel(), entry.fallback(), entry.reason());
            case FAILED -> new Failed(entry.messageId(), entry.phone(), String.valueOf(entry.reason()), entry.attempts(),
                    UnknownOutcomePolicy.REASON.equals(entry.reason()) ? entry.batchId() : null);
            case PARKED -> new Retrying(entry.messageId(), entry.phone(), entry.attempts(), entry.nextAttemptAt(),
                    Math.max(1, entry.parks()));
            case PENDING, SENDING -> throw new IllegalArgumentException("not settled: " + entry);
        };
    }
}

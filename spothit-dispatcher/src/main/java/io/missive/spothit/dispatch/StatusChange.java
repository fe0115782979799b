package io.missive.spothit.dispatch;

/** A status the dispatcher announces for one message. */
public sealed interface StatusChange {

    /** The reason of the IN_PROGRESS announced when a message is first parked (decision 0205). */
    String RETRYING = "PROVIDER_UNAVAILABLE_RETRYING";

    String messageId();

    String phone();

    int attempts();

    record Sent(String messageId, String phone, String spotHitMessageId, int attempts) implements StatusChange {
    }

    record Failed(String messageId, String phone, String reason, int attempts) implements StatusChange {
    }

    /** Parked: SpotHit is unavailable, the message waits for it (IN_PROGRESS, reason {@link #RETRYING}). */
    record Retrying(String messageId, String phone, int attempts) implements StatusChange {
    }

    static StatusChange of(LedgerEntry entry) {
        return switch (entry.state()) {
            case SENT -> new Sent(entry.messageId(), entry.phone(), String.valueOf(entry.spotHitMessageId()), entry.attempts());
            case FAILED -> new Failed(entry.messageId(), entry.phone(), String.valueOf(entry.reason()), entry.attempts());
            case PARKED -> new Retrying(entry.messageId(), entry.phone(), entry.attempts());
            case PENDING, SENDING -> throw new IllegalArgumentException("not settled: " + entry);
        };
    }
}

package io.missive.spothit.dispatch;

/** A status the dispatcher announces for one message. */
public sealed interface StatusChange {

    String messageId();

    String phone();

    int attempts();

    record Sent(String messageId, String phone, String spotHitMessageId, int attempts) implements StatusChange {
    }

    record Failed(String messageId, String phone, String reason, int attempts) implements StatusChange {
    }

    static StatusChange of(LedgerEntry entry) {
        return switch (entry.state()) {
            case SENT -> new Sent(entry.messageId(), entry.phone(), String.valueOf(entry.spotHitMessageId()), entry.attempts());
            case FAILED -> new Failed(entry.messageId(), entry.phone(), String.valueOf(entry.reason()), entry.attempts());
            case PENDING, SENDING -> throw new IllegalArgumentException("not settled: " + entry);
        };
    }
}

package io.missive.simulators.aircall;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Faults the simulator injects into the send requests it receives, changeable while it runs.
 * Counted faults ("the next n requests") are consumed in arrival order, those for any recipient
 * before those for one recipient; {@link #clear()} removes them all.
 */
public final class AircallFaults {

    private final Deque<Fault> next = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> byRecipient = new ConcurrentHashMap<>();
    private volatile boolean down;

    /** An outage: while down, every request gets 503 and is not accepted. */
    public AircallFaults down(boolean outage) {
        down = outage;
        return this;
    }

    /** The next {@code count} requests (any recipient) get {@code status} (500, 502, 503...) and are not accepted. */
    public synchronized AircallFaults failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            next.add(new Fault.ServerError(status));
        }
        return this;
    }

    /** The next {@code count} requests to this recipient get {@code status} and are not accepted. */
    public AircallFaults failFirstAttemptsTo(String phone, int count, int status) {
        var queue = byRecipient.computeIfAbsent(phone, ignored -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.add(new Fault.ServerError(status));
            }
        }
        return this;
    }

    /**
     * The next {@code count} requests hang for {@code hang} before being answered: a client with a
     * shorter timeout sees a timeout. With {@code thenAccept} the message is accepted (and recorded)
     * anyway, as a provider that processed it before the client gave up; otherwise it gets 504.
     */
    public synchronized AircallFaults hangNext(int count, Duration hang, boolean thenAccept) {
        for (int i = 0; i < count; i++) {
            next.add(new Fault.Hang(hang, thenAccept));
        }
        return this;
    }

    /** A 429 burst: the next {@code count} requests are refused with 429 whatever their credentials' count. */
    public synchronized AircallFaults throttleNext(int count) {
        for (int i = 0; i < count; i++) {
            next.add(new Fault.Throttle());
        }
        return this;
    }

    public synchronized AircallFaults clear() {
        next.clear();
        byRecipient.clear();
        return this;
    }

    /** The fault this request meets, consuming it: one for any recipient first, then one for {@code to}. */
    synchronized Fault take(@Nullable String to) {
        if (down) {
            return new Fault.ServerError(503);
        }
        Fault fault = next.poll();
        if (fault == null && to != null) {
            var queue = byRecipient.get(to);
            if (queue != null) {
                synchronized (queue) {
                    fault = queue.poll();
                }
            }
        }
        return fault == null ? new Fault.None() : fault;
    }

    sealed interface Fault {
        record None() implements Fault {
        }

        /** Not injected: the credentials' window is full. */
        record OverLimit() implements Fault {
        }

        record Throttle() implements Fault {
        }

        record ServerError(int status) implements Fault {
        }

        record Hang(Duration duration, boolean thenAccept) implements Fault {
        }
    }
}

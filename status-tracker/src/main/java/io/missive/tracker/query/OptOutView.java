package io.missive.tracker.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A phone's opt-out state ({@code optedOut}: its last record is a STOP) and every opt-out and opt-in it had, oldest first. */
public record OptOutView(String phone, boolean optedOut, List<Entry> history) {

    /** {@code active}: an opt-out; false: an opt-in, with who decided it ({@code author}) and why ({@code reason}). */
    public record Entry(String eventId, boolean active, String provider, String reason, @Nullable String author, Instant at) {
    }
}

package io.missive.gateway.publishing;

/** The broker did not acknowledge: nothing may be acknowledged to the provider (it gets a 503 and retries). */
public final class EventsUnavailable extends RuntimeException {

    public EventsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

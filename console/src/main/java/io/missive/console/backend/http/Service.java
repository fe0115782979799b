package io.missive.console.backend.http;

/** The services the console calls. */
public enum Service {
    SCHEDULER,
    TRACKER,
    GATEWAY
}

package io.missive.console.backend.http;

import org.jspecify.annotations.Nullable;

/**
 * A call that did not give an answer to show: the service refused it ({@code status} and the problem
 * detail's {@code detail}), or could not be reached ({@code status} 0). Pages show the detail as text.
 */
public final class BackendException extends RuntimeException {

    private final Service service;
    private final int status;
    private final @Nullable String code;

    public BackendException(Service service, int status, @Nullable String code, String detail) {
        super(detail);
        this.service = service;
        this.status = status;
        this.code = code;
    }

    public Service service() {
        return service;
    }

    /** The HTTP status, 0 when the service could not be reached. */
    public int status() {
        return status;
    }

    /** The problem's code (a rejection's reason, such as UNKNOWN_VARIABLE), when it gave one. */
    public @Nullable String code() {
        return code;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean unreachable() {
        return status == 0;
    }
}

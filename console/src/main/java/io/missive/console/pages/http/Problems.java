package io.missive.console.pages.http;

import io.missive.console.backend.http.BackendException;
import org.jspecify.annotations.Nullable;

/** A service's refusal as a page shows it: its code (a rejection's reason) and its sentence, or that it is unreachable. */
record Problems(int status, @Nullable String code, String detail, String service) {

    static Problems of(BackendException e) {
        return new Problems(e.status(), e.code(), e.getMessage() == null ? "" : e.getMessage(), e.service().name());
    }

    public boolean unreachable() {
        return status == 0;
    }

}

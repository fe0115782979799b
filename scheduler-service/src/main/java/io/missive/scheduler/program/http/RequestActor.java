package io.missive.scheduler.program.http;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the authenticated principal (the subject of the caller's access token). No header can
 * claim to be someone else.
 */
public final class RequestActor {

    private RequestActor() {
    }

    public static @Nullable String of(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isBlank() ? null : principal.getName();
    }
}

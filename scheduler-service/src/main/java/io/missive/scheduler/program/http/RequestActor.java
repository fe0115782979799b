package io.missive.scheduler.program.http;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as far as is known: the authenticated principal when there is one, else the
 * {@value #HEADER} header (a caller's own word, until the access work puts a token in front of every call).
 */
public final class RequestActor {

    public static final String HEADER = "X-Missive-Actor";

    private RequestActor() {
    }

    public static @Nullable String of(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
            return principal.getName();
        }
        var header = request.getHeader(HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }
}

package io.missive.schemas.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A request refused for access, as an RFC 9457 problem: 401 without a valid token (with the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750), 403 when the token lacks the scope. The
 * detail is a fixed text: never the token, nor why a token was rejected beyond its category.
 */
public final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Unauthorized",
                presented ? "the access token is not valid (expired, malformed or not signed by the console)"
                        : "this endpoint needs an access token from the console (Authorization: Bearer …)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(response, HttpServletResponse.SC_FORBIDDEN, "insufficient-scope", "Forbidden",
                "the access token does not carry the scope this endpoint needs");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(("{\"type\":\"https://missive.io/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

package io.missive.console.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.session.InvalidSessionStrategy;

/**
 * Where a person who is not (or no longer) signed in is sent: the sign-in page, saying the session
 * expired when it did. An htmx request (a polled fragment, the live preview) gets 401 with
 * {@code HX-Redirect}, so the whole page goes to sign-in instead of a fragment being replaced by it.
 */
final class SignInRedirect implements AuthenticationEntryPoint, InvalidSessionStrategy {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        send(request, response, "/login");
    }

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // A new session, so the browser drops the stale cookie and the sign-in page is not itself "expired".
        request.getSession(true);
        send(request, response, "/login?expiree");
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
        var url = request.getContextPath() + target;
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", url);
            return;
        }
        response.sendRedirect(url);
    }
}

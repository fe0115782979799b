package io.missive.schemas.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller of a REST request: the authenticated principal (an access token's subject; no header can claim to be
 * someone else) and the address the request came from, as the servlet container sees it (behind a proxy, Spring's
 * forwarded-header support decides whether {@code X-Forwarded-For} is trusted).
 */
public final class HttpCaller {

    private HttpCaller() {
    }

    public static AuditAct.Caller of(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        var actor = principal == null || principal.getName() == null ? "" : principal.getName();
        var from = request.getRemoteAddr();
        return new AuditAct.Caller(actor, from == null ? "" : from);
    }
}

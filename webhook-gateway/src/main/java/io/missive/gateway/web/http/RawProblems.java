package io.missive.gateway.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Problem documents written by filters, before (or around) Spring MVC. */
final class RawProblems {

    private RawProblems() {
    }

    /** {@code detail} must be a fixed text, never request content. */
    static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(("{\"type\":\"https://missive.io/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

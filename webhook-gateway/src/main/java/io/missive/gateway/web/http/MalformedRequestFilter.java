package io.missive.gateway.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, as problems, requests that are broken below the level of any endpoint and that the servlet
 * container or Spring would otherwise turn into a 500: an unusable {@code Content-Type}, parameters
 * that cannot be decoded (bad percent-escapes, bad charsets, a form body over the cap), a form body
 * Spring cannot decode.
 */
public final class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isUsable(contentType)) {
            RawProblems.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported Media Type", "the Content-Type header is not a concrete media type");
            return;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            RawProblems.write(response, HttpServletResponse.SC_BAD_REQUEST, "malformed-parameters",
                    "Bad Request", "the request parameters cannot be decoded");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException undecodableForm) {
            // thrown by Spring's FormContentFilter for a PUT/PATCH form body it cannot decode
            if (response.isCommitted()) {
                throw undecodableForm;
            }
            RawProblems.write(response, HttpServletResponse.SC_BAD_REQUEST, "malformed-body",
                    "Bad Request", "the form body cannot be decoded");
        }
    }

    private static boolean isUsable(String contentType) {
        try {
            var type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

package io.missive.gateway.web.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.gateway.publishing.EventsUnavailable;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.gateway.webhooks.RejectedCredentials;
import io.missive.schemas.problems.ApiProblem;
import io.missive.schemas.problems.ProblemObserver;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The gateway's refusals in the shared problem shape: bad input 400, bad credentials 401, broker
 * unavailable 503 with {@code Retry-After} (the provider retries; nothing was acknowledged). Each is
 * counted per endpoint and reason; Spring MVC's own refusals, answered by the shared handler, are
 * counted as {@code http_<status>}.
 */
@RestControllerAdvice
public class GatewayProblems implements ProblemObserver {

    static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);

    private final MeterRegistry meters;

    public GatewayProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(InvalidCallback.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCallback e, HttpServletRequest request) {
        count(request, "invalid");
        log.info("callback_rejected endpoint={} status=400 reason=\"{}\"", endpoint(request), e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Invalid callback", e.getMessage(), "invalid-callback");
    }

    @ExceptionHandler(RejectedCredentials.class)
    ResponseEntity<ProblemDetail> unauthorized(RejectedCredentials e, HttpServletRequest request) {
        count(request, "credentials");
        log.warn("callback_rejected endpoint={} status=401 reason=missing_or_wrong_credentials", endpoint(request));
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "missing or wrong token", "unauthorized");
    }

    @ExceptionHandler(EventsUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(EventsUnavailable e, HttpServletRequest request) {
        count(request, "broker_unavailable");
        log.error("callback_not_acknowledged endpoint={} status=503 reason=\"{}\"", endpoint(request), e.getMessage());
        var response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Events store unavailable",
                "the event could not be stored; nothing was recorded, retry later", "unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(response.getBody());
    }

    @Override
    public void answered(HttpStatusCode status, String kind, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            count(servlet.getRequest(), "http_" + status.value());
        }
    }

    private void count(HttpServletRequest request, String reason) {
        meters.counter("missive.gateway.webhook.rejections", "endpoint", endpoint(request), "reason", reason).increment();
    }

    /** The matched route, not the raw path, so that random paths cannot blow up metric cardinality. */
    private static String endpoint(HttpServletRequest request) {
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern instanceof String route ? route : "unmatched";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, @Nullable String detail, String type) {
        var problem = ApiProblem.problem(status, type, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}

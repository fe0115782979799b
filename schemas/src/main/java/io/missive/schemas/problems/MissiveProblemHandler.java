package io.missive.schemas.problems;

import io.missive.schemas.audit.AuditUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every service's answer to an error, auto-configured: Spring MVC's own refusals (unreadable body,
 * wrong method, missing parameter…) and {@link ApiProblem}s as RFC 9457 problem details, each with a
 * {@code https://missive.io/problems/<kind>} type. A validation failure lists every field and rule
 * that failed in an {@code errors} member, not only "Invalid request content.".
 */
@RestControllerAdvice
public class MissiveProblemHandler extends ResponseEntityExceptionHandler {

    /** The kind of a request body or parameters that broke validation rules. */
    public static final String INVALID_REQUEST = "invalid-request";

    private final ObjectProvider<ProblemObserver> observers;

    public MissiveProblemHandler(ObjectProvider<ProblemObserver> observers) {
        this.observers = observers;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, fieldProblems(ex.getBindingResult()), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldProblem>();
        for (var result : ex.getParameterValidationResults()) {
            var parameter = result.getMethodParameter().getParameterName();
            for (var error : result.getResolvableErrors()) {
                var field = error instanceof FieldError fieldError ? fieldError.getField()
                        : parameter == null ? "arg" + result.getMethodParameter().getParameterIndex() : parameter;
                errors.add(new FieldProblem(field, rule(error), message(error)));
            }
        }
        return invalid(ex, errors, headers, status, request);
    }

    /** An act whose audit entry the broker did not take is not performed: the caller may try again. */
    @ExceptionHandler(AuditUnavailableException.class)
    @Nullable ResponseEntity<Object> auditUnavailable(AuditUnavailableException ex, WebRequest request) {
        var problem = ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                "the act could not be recorded in the audit trail, so it was not performed; try again");
        problem.setTitle("Audit trail unavailable");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                                       HttpStatusCode statusCode, WebRequest request) {
        var kind = ex instanceof ApiProblem problem ? problem.kind() : ApiProblem.kindOf(statusCode);
        var response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        // Spring's own refusals come untyped (no type, or "about:blank"): their kind is their status in words.
        if (response != null && response.getBody() instanceof ProblemDetail answered
                && (answered.getType() == null || "about:blank".equals(answered.getType().toString()))) {
            answered.setType(ApiProblem.type(kind));
        }
        observers.orderedStream().forEach(observer -> observer.answered(statusCode, kind, request));
        return response;
    }

    private @Nullable ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
                                                     HttpStatusCode status, WebRequest request) {
        var problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, describe(errors));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        var errors = new ArrayList<FieldProblem>();
        for (var error : result.getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), rule(error), message(error)));
        }
        for (var error : result.getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), rule(error), message(error)));
        }
        return errors;
    }

    /** "Invalid request content: message must not be blank; recipients must not be empty." */
    private static String describe(List<FieldProblem> errors) {
        var detail = new StringBuilder("Invalid request content");
        String separator = ": ";
        for (var error : errors) {
            detail.append(separator).append(error.field()).append(' ').append(error.message());
            separator = "; ";
        }
        return detail.append('.').toString();
    }

    /** The constraint's own name ({@code NotBlank}): the least specific of the error's codes. */
    private static String rule(MessageSourceResolvable error) {
        var codes = error.getCodes();
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    private static String message(MessageSourceResolvable error) {
        var message = error.getDefaultMessage();
        return message == null ? "is invalid" : message;
    }
}

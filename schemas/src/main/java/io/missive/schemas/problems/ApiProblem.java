package io.missive.schemas.problems;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal a service raises from a controller: a status, a kind (the last segment of the problem's
 * {@code type} URI, stable for clients) and a detail for people. The shared {@link MissiveProblemHandler}
 * answers it as {@code application/problem+json}; {@link #titled} and {@link #with} add a title and
 * extension members, {@link #header} a response header.
 *
 * <pre>{@code throw ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-program", "no program with commandId " + id);}</pre>
 */
public class ApiProblem extends ErrorResponseException {

    /** Every problem type is this base followed by its kind (decision 0008). */
    public static final String TYPE_BASE = "https://missive.io/problems/";

    private final String kind;

    protected ApiProblem(HttpStatusCode status, String kind, @Nullable String detail) {
        super(status, problem(status, kind, detail), null);
        this.kind = kind;
    }

    public static ApiProblem of(HttpStatusCode status, String kind, @Nullable String detail) {
        return new ApiProblem(status, kind, detail);
    }

    /** A problem body for a service that builds its own response (a handler of its own exception). */
    public static ProblemDetail problem(HttpStatusCode status, String kind, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        return problem;
    }

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    /** The kind of a problem that did not name one: its status in words ({@code 404} → {@code not-found}). */
    public static String kindOf(HttpStatusCode status) {
        var known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public String kind() {
        return kind;
    }

    public ApiProblem titled(String title) {
        getBody().setTitle(title);
        return this;
    }

    public ApiProblem with(String member, Object value) {
        getBody().setProperty(member, value);
        return this;
    }

    public ApiProblem header(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }
}

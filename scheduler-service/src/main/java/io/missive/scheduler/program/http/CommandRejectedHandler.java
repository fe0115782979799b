package io.missive.scheduler.program.http;

import io.missive.scheduler.CommandRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A command the scheduler cannot accept is a 422 problem (RFC 9457) naming the reason, with a stable {@code code}. */
@RestControllerAdvice
public class CommandRejectedHandler {

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Command rejected");
        problem.setProperty("code", e.code());
        if (e.variable() != null) {
            problem.setProperty("variable", e.variable());
        }
        return problem;
    }
}

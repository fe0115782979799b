package io.missive.scheduler.program.http;

import io.missive.schemas.problems.ApiProblem;
import io.missive.scheduler.CommandRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A command the scheduler cannot accept is a 422 {@code command-rejected} problem naming the reason, with
 * a stable {@code code}. The exception is the domain's (it is raised on the Kafka path too), so it is
 * turned into the shared problem shape here rather than thrown as an {@link ApiProblem}.
 */
@RestControllerAdvice
public class CommandRejectedHandler {

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException e) {
        var problem = ApiProblem.problem(HttpStatus.UNPROCESSABLE_CONTENT, "command-rejected", e.getMessage());
        problem.setTitle("Command rejected");
        problem.setProperty("code", e.code());
        if (e.variable() != null) {
            problem.setProperty("variable", e.variable());
        }
        return problem;
    }
}

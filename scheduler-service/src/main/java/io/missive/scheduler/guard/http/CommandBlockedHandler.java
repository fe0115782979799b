package io.missive.scheduler.guard.http;

import io.missive.schemas.problems.ApiProblem;
import io.missive.scheduler.CommandBlockedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A command the send guard held is a 422 problem with one generic sentence: it names neither the check that fired
 * nor what it found, so a sender cannot refine the text until it slips through. The attempt id lets an admin find it.
 */
@RestControllerAdvice
public class CommandBlockedHandler {

    @ExceptionHandler(CommandBlockedException.class)
    ProblemDetail held(CommandBlockedException e) {
        var problem = ApiProblem.problem(HttpStatus.UNPROCESSABLE_CONTENT, "command-held", CommandBlockedException.GENERIC);
        problem.setTitle("Command held for review");
        problem.setProperty("code", "HELD_FOR_REVIEW");
        problem.setProperty("attemptId", e.attemptId());
        return problem;
    }
}

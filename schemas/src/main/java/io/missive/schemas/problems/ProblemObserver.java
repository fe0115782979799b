package io.missive.schemas.problems;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.context.request.WebRequest;

/** Told of every problem the shared handler answers (a service counts its refusals with it). */
@FunctionalInterface
public interface ProblemObserver {

    void answered(HttpStatusCode status, String kind, WebRequest request);
}

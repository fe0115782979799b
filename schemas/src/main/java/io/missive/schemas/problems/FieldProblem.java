package io.missive.schemas.problems;

/**
 * One broken rule of a request that failed validation, as listed in the problem's {@code errors}
 * member: the field (its path, {@code recipients[0].phone}), the rule (the constraint's name,
 * {@code NotBlank}) and the message for people.
 */
public record FieldProblem(String field, String rule, String message) {
}

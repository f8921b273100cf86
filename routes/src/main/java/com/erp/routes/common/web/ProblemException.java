package com.erp.routes.common.web;

import java.util.List;

/**
 * Thrown anywhere in a REST route (or by the business code it calls) to answer with a problem. The
 * {@code rest-problems} route configuration turns it into an {@code application/problem+json} response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                            Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", detail, errors, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Authentication required", detail, null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, null);
    }

    /** A conflict that passes by itself: the client sends the same request again after {@code retryAfterSeconds}. */
    public static ProblemException conflict(String detail, int retryAfterSeconds) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, retryAfterSeconds);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "business-rule", "Request breaks a business rule", detail, null, null);
    }

    public static ProblemException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ProblemException(429, "too-many-requests", "Too Many Requests", detail, null, retryAfterSeconds);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem() {
        return new Problem(Problem.typeUri(slug), title, status, getMessage(), null, errors);
    }
}

package org.wangwu.platform.error;

import java.util.List;
import java.util.Map;

/** Thrown by services to end a request with a problem document; the rule that failed says which. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds after which the caller may try again (the {@code Retry-After} header), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 503: a service the platform needs is down; the caller may retry after the given seconds. */
    public static ProblemException unavailable(String code, String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, code, "Service unavailable", detail), retryAfterSeconds);
    }

    /** 429: the caller has used up its allowance; it may retry after the given seconds. */
    public static ProblemException tooManyRequests(String code, String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(429, code, "Too many requests", detail), retryAfterSeconds);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Problem.of(400, code, "Bad request", detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "validation-failed", "Validation failed", detail).withErrors(errors));
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(Problem.FieldError.field(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " was not found"));
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(Problem.of(403, code, "Forbidden", detail));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail));
    }

    public static ProblemException conflict(String code, String detail, Map<String, Object> context) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail).withContext(context));
    }
}

package org.wangwu.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Database refusals are classified by SQLState so that
 * a row-level-security refusal is a 403 and a unique key clash a 409, never a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    /** Ours must win over the framework's own mappers of the same exceptions, which answer in other shapes. */
    private static final int BEFORE_BUILT_IN = jakarta.ws.rs.Priorities.USER - 100;

    @ServerExceptionMapper(value = {ConstraintViolationException.class,
            io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class},
            priority = BEFORE_BUILT_IN)
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.field(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "validation-failed", "Validation failed", detail).withErrors(errors), uri);
    }

    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class,
            com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class}, priority = BEFORE_BUILT_IN)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role or reach does not allow this action"), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "No resource at this path" : e.getMessage();
        return respond(Problem.of(status, code, title, detail), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Problem classified = classifyPersistence(e);
        if (classified != null) {
            return respond(classified, uri);
        }
        LOG.errorf(e, "Unhandled failure on %s", uri.getPath());
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The server failed to handle the request; it has been logged"), uri);
    }

    /** Maps a database refusal found anywhere in the cause chain; null when it is not one we know. */
    static Problem classifyPersistence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Problem.of(409, "stale-version", "Conflict",
                        "The resource was changed by someone else; reload it and try again");
            }
            if (t instanceof PgException pg) {
                return forSqlState(pg.getSqlState(), pg.getConstraint());
            }
            if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null) {
                String constraint = t instanceof org.hibernate.exception.ConstraintViolationException violation
                        ? violation.getConstraintName() : null;
                return forSqlState(jdbc.getSQLState(), constraint);
            }
        }
        return null;
    }

    private static Problem forSqlState(String sqlState, String constraintName) {
        String constraint = constraintName == null ? "" : " (" + constraintName + ")";
        return switch (sqlState) {
            case "42501" -> Problem.of(403, "row-level-security", "Forbidden",
                    "The database refused access to another county's data");
            case "23505" -> Problem.of(409, "duplicate", "Conflict", "A record with the same key already exists" + constraint);
            case "23503" -> Problem.of(422, "unknown-reference", "Validation failed",
                    "A referenced record does not exist in this county" + constraint);
            case "22001" -> Problem.of(400, "value-too-long", "Bad request", "A value is longer than allowed");
            case "23514", "22P02", "22007", "22008" -> Problem.of(400, "invalid-value", "Bad request",
                    "A value is not acceptable" + constraint);
            default -> null;
        };
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        String where = "";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            where = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "unknown-field", "Bad request", "Unknown field '" + unknown.getPropertyName() + "'")
                    .withErrors(List.of(Problem.FieldError.field(where, "unknown field")));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return Problem.of(400, "wrong-type", "Bad request",
                    "The value of '" + where + "' has the wrong type")
                    .withErrors(List.of(Problem.FieldError.field(where, "wrong type")));
        }
        return Problem.of(400, "malformed-json", "Bad request",
                "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    private static String fieldName(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Method parameter paths look like "create.request.name": the caller knows only the last parts.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }
}

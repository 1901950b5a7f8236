package org.wangwu.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
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
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
            com.fasterxml.jackson.databind.exc.InvalidNullException.class}, priority = BEFORE_BUILT_IN)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.of(e), uri);
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
            return respond(JsonProblems.of(json), uri);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "No resource at this path"
                : status == 413 ? "The request body is larger than the server accepts" : e.getMessage();
        return respond(Problem.of(status, code, title, detail), uri);
    }

    /** A multipart body that ends before its closing boundary (empty, truncated) is the client's mistake. */
    @ServerExceptionMapper
    public Response brokenMultipart(java.io.IOException e, UriInfo uri) {
        if (String.valueOf(e.getMessage()).contains("multipart")) {
            return respond(Problem.of(400, "malformed-multipart", "Bad request",
                    "The multipart body is empty or cut short: it must end with its closing boundary"), uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Problem classified = DatabaseProblems.classify(e);
        if (classified != null) {
            return respond(classified, uri);
        }
        LOG.errorf(e, "Unhandled failure on %s", uri.getPath());
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The server failed to handle the request; it has been logged"), uri);
    }

    private static String fieldName(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Method parameter paths look like "create.request.name": the caller knows only the last parts.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(uri.getPath());
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance);
        if (problem.status() == 503) {
            response.header("Retry-After", DatabaseProblems.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}

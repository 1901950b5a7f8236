package org.wangwu.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A request body Jackson refused, as a 400 that names the field (as {@code clerks[0]} or {@code rules[2].points}). */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping.getPath())
                : e instanceof JsonParseException parse ? path(parse.getProcessor()) : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return withField(Problem.of(400, "unknown-field", "Bad request", "Unknown field '" + unknown.getPropertyName() + "'"),
                    field, "unknown field");
        }
        if (e instanceof InvalidNullException) {
            return withField(Problem.of(400, "null-not-allowed", "Bad request", "'" + field + "' must not be null"),
                    field, "must not be null");
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return Problem.of(400, "malformed-json", "Bad request", "The request body has content after its JSON value");
        }
        if (e instanceof MismatchedInputException && !field.isEmpty()) {
            return withField(Problem.of(400, "wrong-type", "Bad request", "The value of '" + field + "' has the wrong type"),
                    field, "wrong type");
        }
        if (message.startsWith("Duplicate field")) {
            return withField(Problem.of(400, "duplicate-field", "Bad request", "The field '" + field + "' is given twice"),
                    field, "given twice");
        }
        Problem malformed = Problem.of(400, "malformed-json", "Bad request", "The request body is not valid JSON: " + message);
        return field.isEmpty() ? malformed : withField(malformed, field, "malformed");
    }

    private static Problem withField(Problem problem, String field, String message) {
        return problem.withErrors(List.of(Problem.FieldError.field(field, message)));
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            append(path, reference.getFieldName(), reference.getIndex());
        }
        return path.toString();
    }

    /** Where the parser stood when it failed: a syntax error or a duplicate key has no mapping path. */
    private static String path(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "";
        }
        Deque<JsonStreamContext> contexts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            contexts.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : contexts) {
            append(path, c.inObject() ? c.getCurrentName() : null, c.inArray() ? c.getCurrentIndex() : -1);
        }
        return path.toString();
    }

    private static void append(StringBuilder path, String name, int index) {
        if (name != null) {
            path.append(path.isEmpty() ? "" : ".").append(name);
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }
}

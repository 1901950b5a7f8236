package org.wangwu.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document: what every 4xx and 5xx answer of the API carries.
 * {@code errors} lists field- or row-level failures so a caller can fix all of them in one go.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://wangwu.org/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, null, code, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, fieldErrors, context);
    }

    public Problem withContext(Map<String, Object> values) {
        return new Problem(type, title, status, detail, instance, code, errors, values);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, errors, context);
    }

    /** One failed field; {@code row} is set for bulk imports (1-based data row, header excluded). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer row, String field, String message) {
        public static FieldError field(String field, String message) {
            return new FieldError(null, field, message);
        }
    }
}

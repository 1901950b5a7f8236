package org.wangwu.platform.territory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wangwu.platform.error.Problem;

/** Reads typed values from one register row, collecting every problem instead of stopping at the first. */
final class RowReader {

    private final Map<String, String> row;
    private final Integer rowNumber;
    private final List<Problem.FieldError> errors;

    RowReader(Map<String, String> row, Integer rowNumber, List<Problem.FieldError> errors) {
        this.row = row;
        this.rowNumber = rowNumber;
        this.errors = errors;
    }

    String required(String column, int maxLength) {
        String value = optional(column, maxLength);
        if (value == null) {
            fail(column, "is required");
        }
        return value;
    }

    String optional(String column, int maxLength) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            fail(column, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    String code(String column, Pattern shape, String shapeMessage, boolean required) {
        String value = required ? required(column, 40) : optional(column, 40);
        if (value != null && !shape.matcher(value).matches()) {
            fail(column, shapeMessage);
            return null;
        }
        return value;
    }

    boolean flag(String column) {
        String value = optional(column, 10);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase()) {
            case "true", "yes", "y", "1", "是" -> true;
            case "false", "no", "n", "0", "否" -> false;
            default -> {
                fail(column, "must be true or false (是/否)");
                yield false;
            }
        };
    }

    LocalDate date(String column) {
        String value = optional(column, 10);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isAfter(LocalDate.now()) || date.getYear() < 1890) {
                fail(column, "must be a real date in the past");
            }
            return date;
        } catch (DateTimeParseException e) {
            fail(column, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    <E extends Enum<E>> E choice(String column, Class<E> type, E fallback, Map<String, E> aliases) {
        String value = optional(column, 20);
        if (value == null) {
            if (fallback == null) {
                fail(column, "is required");
            }
            return fallback;
        }
        E aliased = aliases.get(value);
        if (aliased != null) {
            return aliased;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            fail(column, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }

    void fail(String column, String message) {
        errors.add(new Problem.FieldError(rowNumber, column, message));
    }
}

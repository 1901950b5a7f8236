package org.wangwu.points;

import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.error.ProblemException;

/** The position in a newest-first list ordered by a time and then an id: {@code 2025-03-02T08:00:00Z_<id>}. */
public record TimeCursor(Instant at, UUID id) {

    /** HQL condition for rows after the cursor, given the time column's path ({@code :t} and {@code :id} bound). */
    public static String after(String timeColumn, String idColumn) {
        return " and (" + timeColumn + " < :t or (" + timeColumn + " = :t and " + idColumn + " < :id))";
    }

    public static TimeCursor parse(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = cursor.split("_", 2);
        try {
            return new TimeCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
        }
    }

    public static String of(Instant at, UUID id) {
        return at + "_" + id;
    }
}

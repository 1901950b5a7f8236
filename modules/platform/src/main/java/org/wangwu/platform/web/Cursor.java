package org.wangwu.platform.web;

import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.error.ProblemException;

/**
 * The one keyset cursor every list uses: the position after a row in a list ordered newest first by
 * a time and then an id, written {@code 2025-03-02T08:00:00Z_<id>}. A page costs the same at any depth.
 */
public record Cursor(Instant at, UUID id) {

    /**
     * HQL condition for rows after the cursor, given the time and id paths ({@code :cursorAt} and
     * {@code :cursorId} bound). A row-value comparison, so that PostgreSQL starts an index on (time, id)
     * at the cursor instead of filtering every row before it: page 1,000 costs what page 1 does.
     */
    public static String after(String timePath, String idPath) {
        return " and (" + timePath + ", " + idPath + ") < (:cursorAt, :cursorId)";
    }

    /** {@code null} for the first page. */
    public static Cursor parse(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = cursor.split("_", 2);
        try {
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
        }
    }

    public static String of(Instant at, UUID id) {
        return at + "_" + id;
    }
}

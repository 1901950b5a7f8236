package org.wangwu.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the opaque cursor that fetches the next one ({@code null} on the last).
 * Lists page by cursor on an indexed key, never by offset, so a page costs the same at any depth.
 */
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "The cursor of the next page, or null on the last", examples = "2026-03-08T02:00:00Z_6f1d2c3b-8a9e-4f10-b2c3-d4e5f6a7b8c9") String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says there is more. */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, T> view, Function<E, String> cursorOf) {
        boolean more = fetched.size() > limit;
        List<E> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw org.wangwu.platform.error.ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}

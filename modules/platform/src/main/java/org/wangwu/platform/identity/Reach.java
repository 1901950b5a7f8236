package org.wangwu.platform.identity;

import org.wangwu.platform.error.ProblemException;

/**
 * How far below the county a caller reaches: the whole county, one township, one village, or
 * nothing. Computed once, by {@link Caller#reach()}; every permissions class and list asks it.
 */
public record Reach(Level level, String code) {

    /** The widest place reached. */
    public enum Level { COUNTY, TOWNSHIP, VILLAGE, NONE }

    private static final Reach NONE = new Reach(Level.NONE, null);

    public static Reach none() {
        return NONE;
    }

    /** The reach of a county, township or village code (6, 9 or 12 digits). */
    public static Reach of(String placeCode) {
        return switch (placeCode.length()) {
            case 6 -> new Reach(Level.COUNTY, placeCode);
            case 9 -> new Reach(Level.TOWNSHIP, placeCode);
            case 12 -> new Reach(Level.VILLAGE, placeCode);
            default -> NONE;
        };
    }

    public boolean isNone() {
        return level == Level.NONE;
    }

    /** Whether a place (township or village code) lies within this reach. */
    public boolean includes(String placeCode) {
        return !isNone() && placeCode != null && placeCode.startsWith(code);
    }

    /**
     * The code every reached place starts with, for lists and sums over the reach; refused with 403
     * when the caller reaches nothing (place-bound staff whose token names no place).
     */
    public String placePrefix() {
        if (isNone()) {
            throw ProblemException.forbidden("no-reach", "Your token names no township or village of this county, "
                    + "so your role reaches no place in it; ask the county administrator to set your place");
        }
        return code;
    }
}

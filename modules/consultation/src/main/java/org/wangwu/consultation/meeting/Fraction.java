package org.wangwu.consultation.meeting;

import java.util.Optional;

/**
 * A threshold as an exact fraction, always read as "more than": 1/2 is met by 3 of 5, not by 2 of 4.
 * Exact integers, because "exactly half is not more than half" must hold for every size of meeting.
 */
public record Fraction(long numerator, long denominator) {

    public Fraction {
        if (denominator <= 0 || numerator < 0 || numerator >= denominator) {
            throw new IllegalArgumentException("A threshold is a fraction n/d with 0 <= n < d");
        }
    }

    public static Fraction parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A threshold is written n/d, e.g. 2/3");
        }
        return new Fraction(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
    }

    /** What is wrong with {@code text} as a threshold, or empty when it reads. */
    public static Optional<String> problemWith(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be a fraction n/d below 1, e.g. 2/3");
        }
    }

    /** Whether {@code part} of {@code whole} is more than this fraction (part/whole > n/d). */
    public boolean exceededBy(long part, long whole) {
        return whole > 0 && part * denominator > whole * numerator;
    }

    /** Whether this threshold is at least as strict as {@code floor}. */
    public boolean atLeast(Fraction floor) {
        return numerator * floor.denominator >= floor.numerator * denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}

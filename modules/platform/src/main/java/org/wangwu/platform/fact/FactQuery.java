package org.wangwu.platform.fact;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.wangwu.platform.error.ProblemException;

/**
 * Which facts a statistic is evaluated over: a set of counties, a period from one day to another
 * grouped by month or by day, and places grouped as counties, townships or villages (optionally only
 * those within one township or village code).
 */
public record FactQuery(List<String> counties, LocalDate from, LocalDate to, Grain grain, Places places,
                        String within) {

    /** How the period is cut. Months read the rollups (any unit of work); days read the daily facts (a county's). */
    public enum Grain { MONTH, DAY }

    /** What a row of the answer is: a county, a township (or the county itself) or a village (or its township, or the county). */
    public enum Places { COUNTY, TOWNSHIP, VILLAGE }

    /** Whole months, {@code YYYY-MM} to {@code YYYY-MM} inclusive; 400 when malformed or reversed. */
    public static FactQuery months(List<String> counties, String from, String to, Places places, String within) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (first.plusMonths(120).isBefore(last)) {
            throw ProblemException.invalidField("to", "a range is at most ten years");
        }
        return new FactQuery(counties, first.atDay(1), last.atEndOfMonth(), Grain.MONTH, places, within);
    }

    private static YearMonth month(String field, String value) {
        if (value == null || !value.matches("[0-9]{4}-[0-9]{2}")) {
            throw ProblemException.invalidField(field, "must be a month, YYYY-MM");
        }
        try {
            return YearMonth.parse(value);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalidField(field, "must be a month, YYYY-MM");
        }
    }

    /** The labels of the periods, in order: {@code 2026-03} for months, {@code 2026-03-15} for days. */
    public List<String> periods() {
        if (grain == Grain.DAY) {
            return from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
        }
        return java.util.stream.Stream.iterate(YearMonth.from(from), m -> !m.isAfter(YearMonth.from(to)), m -> m.plusMonths(1))
                .map(YearMonth::toString).toList();
    }

    /** The same counties and period, grouped otherwise. */
    public FactQuery by(Places otherPlaces, String otherWithin) {
        return new FactQuery(counties, from, to, grain, otherPlaces, otherWithin);
    }

    /** The same period and grouping over other counties. */
    public FactQuery of(List<String> otherCounties) {
        return new FactQuery(otherCounties, from, to, grain, places, within);
    }
}

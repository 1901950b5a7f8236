package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A figure a module contributes to dashboards, with how it is derived from the module's daily facts
 * over a period (a month, a range) and a set of places. Nothing reads a module's tables to draw a chart.
 */
public record StatisticDefinition(
        @Schema(description = "The statistic's key", examples = "cases-resolved-in-village") String key,
        @Schema(description = "Its name in Chinese and English") LocalizedText name,
        @Schema(description = "Its unit", examples = "%") String unit,
        @Schema(description = "How it is computed from the daily facts") Derivation derivation) {

    /** A fact, optionally narrowed to one dimension value ({@code null}: all dimensions together). */
    public record FactRef(String fact, String dimension) {

        public static FactRef of(String fact) {
            return new FactRef(fact, null);
        }

        public static FactRef of(String fact, String dimension) {
            return new FactRef(fact, dimension);
        }
    }

    /** How a statistic comes from facts. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Sum.class, name = "sum"), @JsonSubTypes.Type(value = Latest.class, name = "latest"),
            @JsonSubTypes.Type(value = Ratio.class, name = "ratio"), @JsonSubTypes.Type(value = Average.class, name = "average")})
    public sealed interface Derivation {
    }

    /** The sum of a FLOW fact over the period (points issued, cases received). */
    public record Sum(FactRef fact) implements Derivation {
    }

    /** The latest value of a LEVEL fact in the period (accounts open at the end of the month). */
    public record Latest(FactRef fact) implements Derivation {
    }

    /** Part over whole, each summed over the period (share resolved in the village). */
    public record Ratio(FactRef numerator, FactRef denominator) implements Derivation {
    }

    /** A total over a count, each summed over the period (days to resolve = days summed / cases resolved). */
    public record Average(FactRef total, FactRef count) implements Derivation {
    }

    public static Derivation sum(String fact) {
        return new Sum(FactRef.of(fact));
    }

    public static Derivation sum(String fact, String dimension) {
        return new Sum(FactRef.of(fact, dimension));
    }

    public static Derivation latest(String fact) {
        return new Latest(FactRef.of(fact));
    }

    public static Derivation ratio(FactRef numerator, FactRef denominator) {
        return new Ratio(numerator, denominator);
    }

    public static Derivation average(FactRef total, FactRef count) {
        return new Average(total, count);
    }
}

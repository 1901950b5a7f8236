package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fact a module records per county, per day, per place (village or township code, or the county
 * itself) and per dimension (a category, a level, a step, or none), in the same transaction as the
 * change that causes it. FLOW facts add up over days (cases received); LEVEL facts are a state on a
 * day (accounts open) and the latest one counts. Dashboards read only these.
 */
public record FactDefinition(
        @Schema(description = "The daily fact's key", examples = "awards-posted") String key,
        @Schema(description = "Its name in Chinese and English") LocalizedText name,
        @Schema(description = "Its unit", examples = "points") String unit,
        @Schema(description = "FLOW (summed over days) or LEVEL (the value on a day)") Kind kind) {

    @Schema(name = "FactKind", description = "How a daily fact adds up: FLOW (summed over the days of a period, e.g. awards posted) or LEVEL (the value on a day, e.g. open cases)")
    public enum Kind { FLOW, LEVEL }

    public FactDefinition {
        if (!key.matches("[a-z][a-z0-9-]{1,59}")) {
            throw new IllegalArgumentException("Fact key must be lower-case letters, digits and dashes: " + key);
        }
    }
}

package org.wangwu.points.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * One item of a county's rule catalogue (积分细则): what earns or costs points, how many, with what
 * evidence, up to what cap per period, recorded by whom, and whether the village reviews it.
 * {@code recordedBy} holds realm role names; {@code resident} there means residents may apply.
 */
public record Rule(
        @Schema(description = "The rule's code", examples = "VOLUNTEER-01") String code,
        @Schema(description = "The deed or conduct", examples = "参加志愿服务（每次）") String item,
        @Schema(description = "Its category", examples = "VOLUNTEER_SERVICE") String category,
        @Schema(description = "Points (negative for a deduction)", examples = "5") int points,
        @Schema(description = "Whether an application needs evidence", examples = "true") boolean evidenceRequired,
        @Schema(description = "Most points one account earns by it per period", examples = "20") int capPerPeriod,
        @Schema(description = "The period of the cap: MONTH or YEAR", examples = "MONTH") String capPeriod,
        @Schema(description = "The roles that may record it") List<String> recordedBy,
        @Schema(description = "Whether the village reviews it before disclosure", examples = "true") boolean reviewRequired) {

    @Schema(description = "Whether it deducts points for bad conduct (its points are negative)", examples = "false")
    public boolean isDeduction() {
        return points < 0;
    }

    public boolean recordableBy(String realmRole) {
        return recordedBy.contains(realmRole);
    }
}

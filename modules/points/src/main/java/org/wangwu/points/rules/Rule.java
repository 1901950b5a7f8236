package org.wangwu.points.rules;

import java.util.List;

/**
 * One item of a county's rule catalogue (积分细则): what earns or costs points, how many, with what
 * evidence, up to what cap per period, recorded by whom, and whether the village reviews it.
 * {@code recordedBy} holds realm role names; {@code resident} there means residents may apply.
 */
public record Rule(String code, String item, String category, int points, boolean evidenceRequired,
                   int capPerPeriod, String capPeriod, List<String> recordedBy, boolean reviewRequired) {

    public boolean isDeduction() {
        return points < 0;
    }

    public boolean recordableBy(String realmRole) {
        return recordedBy.contains(realmRole);
    }
}

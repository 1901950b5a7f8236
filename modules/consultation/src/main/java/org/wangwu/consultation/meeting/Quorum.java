package org.wangwu.consultation.meeting;

import java.util.Map;

/**
 * Quorum and majority. The floors are the Organic Law of Villagers' Committees (村民委员会组织法):
 * a villagers' meeting needs more than half of the villagers aged 18 or over, or representatives of
 * more than two thirds of the households (art. 22); a representatives' meeting more than two thirds
 * of the representatives (art. 26); a decision more than half of those present. The party's meetings
 * follow the party's rule of more than half of the members. A county may be stricter, never laxer.
 */
public record Quorum(Fraction adults, Fraction households, Fraction representatives, Fraction members,
                     Fraction decision) {

    public static final Quorum LAW = new Quorum(new Fraction(1, 2), new Fraction(2, 3), new Fraction(2, 3),
            new Fraction(1, 2), new Fraction(1, 2));

    public static final String ADULTS = "villagersMeetingAdults";
    public static final String HOUSEHOLDS = "villagersMeetingHouseholds";
    public static final String REPRESENTATIVES = "representativesMeeting";
    public static final String MEMBERS = "committeeAndPartyMeetings";
    public static final String DECISION = "decision";

    /** Who was expected and who came (people, and for a villagers' meeting households too). */
    public record Count(int expected, int present, int householdsExpected, int householdsPresent) {
    }

    public static Map<String, String> lawAsSetting() {
        return Map.of(ADULTS, LAW.adults.toString(), HOUSEHOLDS, LAW.households.toString(),
                REPRESENTATIVES, LAW.representatives.toString(), MEMBERS, LAW.members.toString(),
                DECISION, LAW.decision.toString());
    }

    /** Whether the meeting of {@code body} could decide, by its attendance. A lighter form has no quorum. */
    public boolean met(Body body, Count c) {
        return switch (body) {
            case VILLAGERS_MEETING -> adults.exceededBy(c.present(), c.expected())
                    || households.exceededBy(c.householdsPresent(), c.householdsExpected());
            case REPRESENTATIVES_MEETING -> representatives.exceededBy(c.present(), c.expected());
            case PARTY_BRANCH, TWO_COMMITTEES, PARTY_MEMBERS, SUPERVISION_COMMITTEE -> members.exceededBy(c.present(), c.expected());
            case LIGHT_FORM -> true;
        };
    }

    /** Whether the votes for carry it: more than the county's share (at least half) of those present. */
    public boolean carried(int votesFor, int present) {
        return decision.exceededBy(votesFor, present);
    }

    /** Whether every threshold is at least the law's. */
    public boolean withinLaw() {
        return adults.atLeast(LAW.adults) && households.atLeast(LAW.households)
                && representatives.atLeast(LAW.representatives) && members.atLeast(LAW.members)
                && decision.atLeast(LAW.decision);
    }
}

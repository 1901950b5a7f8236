package org.wangwu.server.consultation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.consultation.meeting.Fraction;
import org.wangwu.consultation.meeting.Quorum;

/** The Organic Law's thresholds at their exact boundaries: exactly half is not more than half, nor two thirds more than two thirds. */
class QuorumTest {

    private static final Quorum LAW = Quorum.LAW;

    @Test
    void aRepresentativesMeetingNeedsMoreThanTwoThirds() {
        assertFalse(LAW.met(Body.REPRESENTATIVES_MEETING, new Quorum.Count(6, 4, 0, 0)), "4 of 6 is exactly two thirds");
        assertTrue(LAW.met(Body.REPRESENTATIVES_MEETING, new Quorum.Count(6, 5, 0, 0)));
        assertFalse(LAW.met(Body.REPRESENTATIVES_MEETING, new Quorum.Count(30, 20, 0, 0)));
        assertTrue(LAW.met(Body.REPRESENTATIVES_MEETING, new Quorum.Count(30, 21, 0, 0)));
        assertFalse(LAW.met(Body.REPRESENTATIVES_MEETING, new Quorum.Count(0, 0, 0, 0)), "a body of nobody never meets");
    }

    @Test
    void aVillagersMeetingNeedsMoreThanHalfTheAdultsOrMoreThanTwoThirdsOfHouseholds() {
        assertFalse(LAW.met(Body.VILLAGERS_MEETING, new Quorum.Count(10, 5, 6, 4)), "half the adults, two thirds of households");
        assertTrue(LAW.met(Body.VILLAGERS_MEETING, new Quorum.Count(10, 6, 6, 3)), "more than half the adults");
        assertTrue(LAW.met(Body.VILLAGERS_MEETING, new Quorum.Count(10, 5, 6, 5)), "more than two thirds of households");
    }

    @Test
    void aDecisionNeedsMoreThanHalfOfThosePresent() {
        assertFalse(LAW.carried(3, 6));
        assertTrue(LAW.carried(4, 6));
        assertTrue(LAW.carried(3, 5));
        assertFalse(LAW.carried(0, 0));
    }

    @Test
    void aCountyMayBeStricterNeverLaxer() {
        Fraction twoThirds = Fraction.parse("2/3");
        assertTrue(Fraction.parse("3/4").atLeast(twoThirds));
        assertTrue(Fraction.parse("4/6").atLeast(twoThirds));
        assertFalse(Fraction.parse("3/5").atLeast(twoThirds));
        assertTrue(Fraction.parse("5/6").exceededBy(6, 7));
        assertFalse(Fraction.parse("5/6").exceededBy(5, 6));
        assertThrows(IllegalArgumentException.class, () -> Fraction.parse("1/1"));
        assertThrows(IllegalArgumentException.class, () -> Fraction.parse("two thirds"));
        assertTrue(LAW.withinLaw());
    }
}

package org.wangwu.disputes.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.error.ProblemException;

/**
 * The life of a case. {@link #TRANSITIONS} is the one place that says which step may follow which;
 * every change of state goes through {@link #requireMove}, so an illegal step is always a 409 naming
 * the state the case is in.
 */
@Schema(description = "The life of a dispute case: RECEIVED, TRIAGED (category, risk and level decided), ESCALATED (moved up a level), ASSIGNED (mediators named), IN_MEDIATION, AGREED (an agreement was reached), JUDICIAL_CONFIRMATION_PENDING, CONFIRMED or REJECTED (by the court), REFERRED_OUT (to arbitration, litigation or an administrative body), REOPENED (the follow-up found the agreement broken), CLOSED (the follow-up found it honoured)")
public enum CaseState {
    RECEIVED,
    /** Category, risk and level decided; waiting for mediators. */
    TRIAGED,
    /** Moved up a level (failed, overdue or high risk); waiting for mediators there. */
    ESCALATED,
    ASSIGNED,
    IN_MEDIATION,
    /** An agreement (调解协议书) was reached. */
    AGREED,
    JUDICIAL_CONFIRMATION_PENDING,
    CONFIRMED,
    REJECTED,
    /** Sent to arbitration, litigation or an administrative body. */
    REFERRED_OUT,
    /** The follow-up visit found the agreement broken. */
    REOPENED,
    /** The follow-up visit was made and the agreement is honoured: the loop is closed. */
    CLOSED;

    private static final Map<CaseState, Set<CaseState>> TRANSITIONS = Map.ofEntries(
            Map.entry(RECEIVED, EnumSet.of(TRIAGED, ESCALATED, REFERRED_OUT)),
            Map.entry(TRIAGED, EnumSet.of(ASSIGNED, REFERRED_OUT)),
            Map.entry(ESCALATED, EnumSet.of(ASSIGNED, ESCALATED, REFERRED_OUT)),
            Map.entry(ASSIGNED, EnumSet.of(ASSIGNED, IN_MEDIATION, ESCALATED, REFERRED_OUT)),
            Map.entry(IN_MEDIATION, EnumSet.of(AGREED, ESCALATED, REFERRED_OUT)),
            Map.entry(AGREED, EnumSet.of(JUDICIAL_CONFIRMATION_PENDING, CLOSED, REOPENED)),
            Map.entry(JUDICIAL_CONFIRMATION_PENDING, EnumSet.of(CONFIRMED, REJECTED)),
            Map.entry(CONFIRMED, EnumSet.of(CLOSED, REOPENED)),
            Map.entry(REJECTED, EnumSet.of(IN_MEDIATION, ESCALATED, REFERRED_OUT)),
            Map.entry(REFERRED_OUT, EnumSet.of(CLOSED)),
            Map.entry(REOPENED, EnumSet.of(ASSIGNED, IN_MEDIATION, ESCALATED, REFERRED_OUT)),
            Map.entry(CLOSED, EnumSet.noneOf(CaseState.class)));

    /** States in which mediators are working the case against a deadline. */
    public static final Set<CaseState> UNDER_DEADLINE = EnumSet.of(ASSIGNED, IN_MEDIATION, REOPENED);

    /** States in which the case waits for someone to assign mediators. */
    public static final Set<CaseState> UNASSIGNED = EnumSet.of(RECEIVED, TRIAGED, ESCALATED);

    public boolean canMoveTo(CaseState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public Set<CaseState> next() {
        return TRANSITIONS.get(this);
    }

    /** Throws the 409 problem when {@code next} may not follow this state. */
    public void requireMove(CaseState next, String action) {
        if (!canMoveTo(next)) {
            throw ProblemException.conflict("illegal-transition", "A case in state " + this + " cannot " + action
                    + " (it may move to " + next() + ")", Map.of("state", name(), "action", action));
        }
    }
}

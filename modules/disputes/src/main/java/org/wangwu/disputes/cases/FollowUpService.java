package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.disputes.cases.CaseRequests.FollowUp;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/** The follow-up visit (回访) that closes the loop: an honoured agreement closes the case, a broken one reopens it. */
@ApplicationScoped
public class FollowUpService {

    @Inject
    DisputesPermissions permissions;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    PlatformClock clock;

    public Uni<CaseSummary> followUp(Mutiny.Session session, CountyCode county, Caller caller, UUID id, FollowUp in) {
        return files.load(session, id).chain(file -> {
            permissions.followUp(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            boolean referred = from == CaseState.REFERRED_OUT;
            if (referred && in.agreementHonoured() != null) {
                throw ProblemException.invalidField("agreementHonoured", "has no meaning for a case referred out");
            }
            if (!referred && in.agreementHonoured() == null && from.canMoveTo(CaseState.CLOSED)) {
                throw ProblemException.invalidField("agreementHonoured", "is required: is the agreement honoured?");
            }
            CaseState to = referred || Boolean.TRUE.equals(in.agreementHonoured()) ? CaseState.CLOSED : CaseState.REOPENED;
            from.requireMove(to, to == CaseState.CLOSED ? "be closed" : "be reopened");
            LocalDate visited = in.visitedOn() == null ? clock.today() : in.visitedOn();
            if (c.followUpDueOn != null && clock.today().isBefore(c.followUpDueOn)) {
                throw ProblemException.conflict("follow-up-not-due", "The follow-up visit is due on "
                        + c.followUpDueOn, Map.of("state", from.name(), "dueOn", c.followUpDueOn.toString()));
            }
            if (visited.isAfter(clock.today())) {
                throw ProblemException.invalidField("visitedOn", "must not be in the future");
            }
            return files.rules(session).chain(rules -> {
                if (in.satisfaction() > rules.satisfactionScale()) {
                    throw ProblemException.invalidField("satisfaction", "must be from 1 to "
                            + rules.satisfactionScale() + " in this county");
                }
                return path.record(session, county, caller, visit(c, from, to, visited, in, rules));
            }).replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }

    /** Applies a visit to the case and says what it records (the demo seed visits its cases the same way). */
    public CasePath.Change visit(DisputeCase c, CaseState from, CaseState to, LocalDate visited, FollowUp in,
                                 DisputesRules rules) {
        c.followedUpOn = visited;
        c.agreementHonoured = in.agreementHonoured();
        c.satisfaction = in.satisfaction();
        c.state = to;
        Map<String, Integer> detail = Map.of("satisfaction", in.satisfaction());
        if (to == CaseState.CLOSED) {
            c.closedAt = clock.now();
            return counted(CasePath.Change.of(c, from, "closed", in.note()).audited("disputes.case-closed", detail)
                    .published(DisputesModule.EVENT_CLOSED, detail), "closed", in.satisfaction());
        }
        // A broken agreement goes back to the mediators who made it, against a fresh deadline.
        c.deadline = clock.today().plusDays(rules.deadlineDays(c.level));
        c.overdue = false;
        return counted(CasePath.Change.of(c, from, "reopened", in.note()).audited("disputes.case-reopened", detail)
                .published(DisputesModule.EVENT_REOPENED, Map.of()), "reopened", in.satisfaction());
    }

    private static CasePath.Change counted(CasePath.Change change, String outcome, int satisfaction) {
        return change.satisfaction(satisfaction).counts(DisputeFacts.FOLLOW_UPS, outcome, 1)
                .counts(DisputeFacts.SATISFACTION_SUM, null, satisfaction);
    }
}

package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * Moves a case up a level (上移): after failed mediation, when overdue, or at once for high risk. Its
 * mediators at the old level stand down and it waits for new ones at the next.
 */
@ApplicationScoped
public class Escalations {

    @Inject
    CasePath path;

    @Inject
    PlatformClock clock;

    public Uni<DisputeCase> escalate(Mutiny.Session session, CountyCode county, Caller caller, CaseFile file, Level next,
                                     String reason, String note) {
        return path.record(session, county, caller, escalation(file, next, reason, note)).replaceWith(file.dispute());
    }

    /** Moves the case and says what the move records, for a caller that adds to it before recording. */
    public CasePath.Change escalation(CaseFile file, Level next, String reason, String note) {
        DisputeCase c = file.dispute();
        CaseState from = c.state;
        from.requireMove(CaseState.ESCALATED, "be escalated");
        Level previous = c.level;
        file.standDown(clock.now());
        c.level = next;
        c.state = CaseState.ESCALATED;
        c.deadline = null;
        c.overdue = false;
        c.escalations++;
        Map<String, String> detail = Map.of("from", previous.name(), "to", next.name(), "reason", reason);
        return CasePath.Change.of(c, from, "escalated-" + reason, note)
                .audited("disputes.case-escalated", detail)
                .published(DisputesModule.EVENT_ESCALATED, detail)
                .counts(DisputeFacts.ESCALATED, reason, 1);
    }
}

package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.cases.CaseRequests.JudicialApplication;
import org.wangwu.disputes.cases.CaseRequests.JudicialDecision;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/** Judicial confirmation (司法确认) of an agreement: the parties' application inside the window, and the court's answer. */
@ApplicationScoped
public class JudicialConfirmationService {

    @Inject
    DisputesPermissions permissions;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    PlatformClock clock;

    public Uni<CaseSummary> apply(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                  JudicialApplication in) {
        return files.load(session, id).chain(file -> {
            permissions.decideOutcome(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.JUDICIAL_CONFIRMATION_PENDING, "apply for judicial confirmation");
            LocalDate applied = in.appliedOn() == null ? clock.today() : in.appliedOn();
            if (applied.isBefore(c.agreementEffectiveOn) || applied.isAfter(clock.today())) {
                throw ProblemException.invalidField("appliedOn", "must lie between the agreement taking effect ("
                        + c.agreementEffectiveOn + ") and today");
            }
            // People's Mediation Law art. 33: within the window from the agreement taking effect.
            if (applied.isAfter(c.judicialDeadline)) {
                throw ProblemException.conflict("judicial-window-closed", "The window for judicial confirmation "
                        + "closed on " + c.judicialDeadline, Map.of("state", c.state.name(),
                        "windowClosedOn", c.judicialDeadline.toString()));
            }
            c.judicialCourt = in.court();
            c.judicialAppliedOn = applied;
            c.state = CaseState.JUDICIAL_CONFIRMATION_PENDING;
            return path.record(session, county, caller, CasePath.Change.of(c, from, "judicial-confirmation-applied",
                            in.court())
                    .audited("disputes.judicial-confirmation-applied", Map.of("court", in.court(),
                            "appliedOn", applied.toString())))
                    .replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }

    public Uni<CaseSummary> decide(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                   JudicialDecision in) {
        return files.load(session, id).chain(file -> {
            permissions.decideOutcome(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            CaseState to = in.confirmed() ? CaseState.CONFIRMED : CaseState.REJECTED;
            from.requireMove(to, "record the court's decision");
            LocalDate decided = in.decidedOn() == null ? clock.today() : in.decidedOn();
            if (decided.isBefore(c.judicialAppliedOn)) {
                throw ProblemException.invalidField("decidedOn", "must not precede the application of "
                        + c.judicialAppliedOn);
            }
            c.judicialDecidedOn = decided;
            c.state = to;
            return path.record(session, county, caller, CasePath.Change.of(c, from,
                            in.confirmed() ? "judicially-confirmed" : "judicial-confirmation-rejected", in.note())
                    .audited("disputes.court-decision-recorded", Map.of("confirmed", in.confirmed(),
                            "decidedOn", decided.toString())))
                    .replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }
}

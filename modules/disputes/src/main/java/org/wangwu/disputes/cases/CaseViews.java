package org.wangwu.disputes.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.wangwu.platform.privacy.ProtectedPersonalData;

/** How cases appear in the API. Personal data appears masked, always; unmasked only through the audited read. */
public final class CaseViews {

    private CaseViews() {
    }

    /** A mediator on the case. */
    public record MediatorView(String username, Level level, String placeCode, boolean active, Instant assignedAt) {
        static MediatorView of(Assignment a) {
            return new MediatorView(a.mediatorUsername, a.level, a.placeCode, a.active, a.assignedAt);
        }
    }

    /** What everyone who works a case sees: no parties, no facts, no minutes. */
    public record CaseSummary(UUID id, String number, Channel channel, String villageCode, String townshipCode,
                              String title, String category, String risk, Level level, CaseState state,
                              LocalDate deadline, boolean overdue, int escalations, List<MediatorView> mediators,
                              String reportedBy, Instant receivedAt, Instant resolvedAt, Level resolvedLevel,
                              LocalDate judicialDeadline, LocalDate followUpDueOn, Instant closedAt,
                              Set<CaseState> nextStates, long version) {
        public static CaseSummary of(DisputeCase c, List<Assignment> assignments) {
            return new CaseSummary(c.id, c.number, c.channel, c.villageCode, c.townshipCode, c.title, c.category,
                    c.risk, c.level, c.state, c.deadline, c.overdue, c.escalations,
                    assignments.stream().filter(a -> a.active).map(MediatorView::of).toList(), c.reportedBy,
                    c.receivedAt, c.resolvedAt, c.resolvedLevel, c.judicialDeadline, c.followUpDueOn, c.closedAt,
                    c.state.next(), c.version);
        }
    }

    /** A party with ID number and phone masked. */
    public record PartyView(UUID id, CaseParty.PartyRole role, UUID residentId, String name, String idNumber,
                            String phone, String address) {
        static PartyView of(CaseParty p) {
            ProtectedPersonalData personal = ProtectedPersonalData.orNone(p.personalData);
            return new PartyView(p.id, p.role, p.residentId, p.name, personal.maskedIdNumber(), personal.maskedPhone(),
                    p.address);
        }
    }

    /** A party's unmasked ID number and phone; every read is audited. */
    public record PartyPersonalData(UUID partyId, String name, String idNumber, String phone) {
    }

    /** Who referred the case in. */
    public record ReferralView(DisputeCase.ReferralBody body, String name, String reference) {
    }

    /** Where the case was sent out, and why. */
    public record ReferredOutView(DisputeCase.ReferredTo to, String body, String reason) {
    }

    /** The agreement reached. */
    public record AgreementView(UUID caseId, String number, String terms, LocalDate effectiveOn, Level level,
                                String text, LocalDate judicialDeadline) {
        static AgreementView of(DisputeCase c) {
            return c.agreementText == null ? null : new AgreementView(c.id, c.number, c.agreementTerms,
                    c.agreementEffectiveOn, c.resolvedLevel, c.agreementText, c.judicialDeadline);
        }
    }

    /** The court's part. */
    public record JudicialView(String court, LocalDate appliedOn, LocalDate decidedOn, LocalDate windowClosesOn) {
    }

    /** The follow-up visit. */
    public record FollowUpView(LocalDate dueOn, LocalDate visitedOn, Boolean agreementHonoured, Integer satisfaction) {
    }

    /** The whole file of a case, for its mediators and county administrators. */
    public record CaseDossier(CaseSummary summary, String facts, ReferralView referral, List<PartyView> parties,
                              List<MediatorView> pastMediators, AgreementView agreement, ReferredOutView referredOut,
                              JudicialView judicial, FollowUpView followUp) {
        static CaseDossier of(CaseFile file, List<CaseParty> parties) {
            DisputeCase c = file.dispute();
            return new CaseDossier(CaseSummary.of(c, file.assignments()), c.facts,
                    c.referralBody == null ? null : new ReferralView(c.referralBody, c.referralName, c.referralReference),
                    parties.stream().map(PartyView::of).toList(),
                    file.assignments().stream().filter(a -> !a.active).map(MediatorView::of).toList(),
                    AgreementView.of(c),
                    c.referredTo == null ? null : new ReferredOutView(c.referredTo, c.referredBody, c.referredReason),
                    c.judicialCourt == null ? null : new JudicialView(c.judicialCourt, c.judicialAppliedOn,
                            c.judicialDecidedOn, c.judicialDeadline),
                    new FollowUpView(c.followUpDueOn, c.followedUpOn, c.agreementHonoured, c.satisfaction));
        }
    }

    /** A mediation session with its minutes. */
    public record SessionView(UUID id, Level level, Instant scheduledAt, String place, List<String> participants,
                              Instant heldAt, String minutes, String createdBy, String recordedBy) {
    }

    /** One step on a case's path. */
    @Schema(name = "CaseStepView")
    public record StepView(Instant occurredAt, String action, CaseState fromState, CaseState toState, Level level,
                           String actor, String note) {
        static StepView of(CaseStep s) {
            return new StepView(s.occurredAt, s.action, s.fromState, s.toState, s.level, s.actor, s.note);
        }
    }

    /** A mediator's own cases. */
    public record MediatorWorkbench(List<CaseSummary> mine, List<CaseSummary> dueSoon, List<CaseSummary> overdue,
                                    List<CaseSummary> followUpsDue) {
    }

    /** What a township or the county watches over. */
    public record Oversight(List<CaseSummary> unassigned, List<CaseSummary> overdue, List<CaseSummary> followUpsDue,
                            Map<Level, Long> openByLevel) {
    }
}

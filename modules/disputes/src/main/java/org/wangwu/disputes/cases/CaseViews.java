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
    public record MediatorView(
            @Schema(description = "The mediator's username", examples = "jiyuan-mediator") String username,
            @Schema(description = "The mediator's level") Level level,
            @Schema(description = "The village or township of their committee", examples = "419001100201") String placeCode,
            @Schema(description = "Whether they are assigned now", examples = "true") boolean active,
            @Schema(description = "When they were assigned") Instant assignedAt) {
        static MediatorView of(Assignment a) {
            return new MediatorView(a.mediatorUsername, a.level, a.placeCode, a.active, a.assignedAt);
        }
    }

    /** What everyone who works a case sees: no parties, no facts, no minutes. */
    public record CaseSummary(
            @Schema(description = "The case's id") UUID id,
            @Schema(description = "The case's number", examples = "济源调〔2026〕第0012号") String number,
            @Schema(description = "How it came in") Channel channel,
            @Schema(description = "Where it arose (12 digits)", examples = "419001100201") String villageCode,
            @Schema(description = "Its township (9 digits)", examples = "419001100") String townshipCode,
            @Schema(description = "A short title", examples = "院墙滴水纠纷") String title,
            @Schema(description = "Its category (from triage)", examples = "neighbours") String category,
            @Schema(description = "Its risk (from triage)", examples = "low") String risk,
            @Schema(description = "The level handling it: VILLAGE, TOWNSHIP or COUNTY") Level level,
            @Schema(description = "Where it stands") CaseState state,
            @Schema(description = "The day it must be resolved by at its level", examples = "2026-03-25") LocalDate deadline,
            @Schema(description = "Whether the deadline has passed unresolved", examples = "false") boolean overdue,
            @Schema(description = "How often it escalated", examples = "0") int escalations,
            @Schema(description = "The mediators assigned now") List<MediatorView> mediators,
            @Schema(description = "Who took it in", examples = "jiyuan-grid") String reportedBy,
            @Schema(description = "When it came in") Instant receivedAt,
            @Schema(description = "When it was resolved") Instant resolvedAt,
            @Schema(description = "The level that resolved it") Level resolvedLevel,
            @Schema(description = "The last day to apply for judicial confirmation") LocalDate judicialDeadline,
            @Schema(description = "When the follow-up visit is due") LocalDate followUpDueOn,
            @Schema(description = "When it was closed") Instant closedAt,
            @Schema(description = "The states it may move to next") Set<CaseState> nextStates,
            @Schema(description = "Changes with every step", examples = "3") long version) {
        public static CaseSummary of(DisputeCase c, List<Assignment> assignments) {
            return new CaseSummary(c.id, c.number, c.channel, c.villageCode, c.townshipCode, c.title, c.category,
                    c.risk, c.level, c.state, c.deadline, c.overdue, c.escalations,
                    assignments.stream().filter(a -> a.active).map(MediatorView::of).toList(), c.reportedBy,
                    c.receivedAt, c.resolvedAt, c.resolvedLevel, c.judicialDeadline, c.followUpDueOn, c.closedAt,
                    c.state.next(), c.version);
        }
    }

    /** A party with ID number and phone masked. */
    public record PartyView(
            @Schema(description = "The party's id") UUID id,
            @Schema(description = "APPLICANT, RESPONDENT or THIRD_PARTY") CaseParty.PartyRole role,
            @Schema(description = "The party in the register, if a resident") UUID residentId,
            @Schema(description = "Full name", examples = "张伟") String name,
            @Schema(description = "ID number, masked", examples = "4101**********1234") String idNumber,
            @Schema(description = "Phone, masked", examples = "139****5678") String phone,
            @Schema(description = "Address", examples = "花石村东街12号") String address) {
        static PartyView of(CaseParty p) {
            ProtectedPersonalData personal = ProtectedPersonalData.orNone(p.personalData);
            return new PartyView(p.id, p.role, p.residentId, p.name, personal.maskedIdNumber(), personal.maskedPhone(),
                    p.address);
        }
    }

    /** A party's unmasked ID number and phone; every read is audited. */
    public record PartyPersonalData(
            @Schema(description = "The party") UUID partyId,
            @Schema(description = "Full name", examples = "刘某") String name,
            @Schema(description = "The full ID number", examples = "410102199001011234") String idNumber,
            @Schema(description = "The full phone number", examples = "13912345678") String phone) {
    }

    /** Who referred the case in. */
    public record ReferralView(
            @Schema(description = "POLICE, COURT or PETITION_OFFICE") DisputeCase.ReferralBody body,
            @Schema(description = "The referring office", examples = "承留派出所") String name,
            @Schema(description = "Its reference", examples = "承公（2026）31号") String reference) {
    }

    /** Where the case was sent out, and why. */
    public record ReferredOutView(
            @Schema(description = "ARBITRATION, LITIGATION or ADMINISTRATIVE") DisputeCase.ReferredTo to,
            @Schema(description = "The body referred to", examples = "济源市劳动人事争议仲裁委员会") String body,
            @Schema(description = "Why", examples = "涉及劳动合同解除，需仲裁") String reason) {
    }

    /** The agreement reached. */
    public record AgreementView(
            @Schema(description = "The case") UUID caseId,
            @Schema(description = "The case's number", examples = "济源调〔2026〕第0012号") String number,
            @Schema(description = "What the parties agreed", examples = "刘某于三日内修复院墙排水管，张伟不再追究。") String terms,
            @Schema(description = "The day the agreement took effect", examples = "2026-03-10") LocalDate effectiveOn,
            @Schema(description = "The level that mediated it: VILLAGE, TOWNSHIP or COUNTY") Level level,
            @Schema(description = "The agreement's full text from the county's template", examples = "人民调解协议书 申请人张伟与被申请人刘某因院墙滴水发生纠纷……") String text,
            @Schema(description = "The last day to apply for judicial confirmation", examples = "2026-04-09") LocalDate judicialDeadline) {
        static AgreementView of(DisputeCase c) {
            return c.agreementText == null ? null : new AgreementView(c.id, c.number, c.agreementTerms,
                    c.agreementEffectiveOn, c.resolvedLevel, c.agreementText, c.judicialDeadline);
        }
    }

    /** The court's part. */
    public record JudicialView(
            @Schema(description = "The court", examples = "济源市人民法院") String court,
            @Schema(description = "The day of the application", examples = "2026-03-20") LocalDate appliedOn,
            @Schema(description = "The day of the decision") LocalDate decidedOn,
            @Schema(description = "The last day to apply", examples = "2026-04-09") LocalDate windowClosesOn) {
    }

    /** The follow-up visit. */
    public record FollowUpView(
            @Schema(description = "When the visit is due", examples = "2026-04-10") LocalDate dueOn,
            @Schema(description = "The day of the visit") LocalDate visitedOn,
            @Schema(description = "Whether the agreement was honoured", examples = "true") Boolean agreementHonoured,
            @Schema(description = "The parties' satisfaction, 1 to 5", examples = "5") Integer satisfaction) {
    }

    /** The whole file of a case, for its mediators and county administrators. */
    public record CaseDossier(
            @Schema(description = "The case's summary") CaseSummary summary,
            @Schema(description = "The facts as taken in", examples = "两户因院墙滴水发生争执。") String facts,
            @Schema(description = "Who referred the case in, for a referral") ReferralView referral,
            @Schema(description = "The parties, ID numbers and phones masked") List<PartyView> parties,
            @Schema(description = "Mediators assigned earlier (at lower levels)") List<MediatorView> pastMediators,
            @Schema(description = "The agreement, once reached") AgreementView agreement,
            @Schema(description = "Where it was referred out to, if it was") ReferredOutView referredOut,
            @Schema(description = "The judicial confirmation, if applied for") JudicialView judicial,
            @Schema(description = "The follow-up visit") FollowUpView followUp) {
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
    public record SessionView(
            @Schema(description = "The session's id") UUID id,
            @Schema(description = "The level that held it") Level level,
            @Schema(description = "When it was scheduled") Instant scheduledAt,
            @Schema(description = "Where", examples = "花石村调解室") String place,
            @Schema(description = "Who was to take part, or came") List<String> participants,
            @Schema(description = "When it was held") Instant heldAt,
            @Schema(description = "The minutes", examples = "双方同意和解。") String minutes,
            @Schema(description = "Who scheduled it", examples = "jiyuan-mediator") String createdBy,
            @Schema(description = "Who recorded it as held", examples = "jiyuan-mediator") String recordedBy) {
    }

    /** One step on a case's path. */
    @Schema(name = "CaseStepView")
    public record StepView(
            @Schema(description = "When") Instant occurredAt,
            @Schema(description = "The step", examples = "triage") String action,
            @Schema(description = "The state before") CaseState fromState,
            @Schema(description = "The state after") CaseState toState,
            @Schema(description = "The level after the step: VILLAGE, TOWNSHIP or COUNTY") Level level,
            @Schema(description = "Who took it", examples = "jiyuan-mediator") String actor,
            @Schema(description = "A note given with it", examples = "高风险，直接上报镇调委会") String note) {
        static StepView of(CaseStep s) {
            return new StepView(s.occurredAt, s.action, s.fromState, s.toState, s.level, s.actor, s.note);
        }
    }

    /** A mediator's own cases. */
    public record MediatorWorkbench(
            @Schema(description = "My open cases") List<CaseSummary> mine,
            @Schema(description = "My cases due within the county's warning days") List<CaseSummary> dueSoon,
            @Schema(description = "My cases past their deadline") List<CaseSummary> overdue,
            @Schema(description = "My cases whose follow-up visit is due") List<CaseSummary> followUpsDue) {
    }

    /** What a township or the county watches over. */
    public record Oversight(
            @Schema(description = "Cases without mediators") List<CaseSummary> unassigned,
            @Schema(description = "Cases past their deadline") List<CaseSummary> overdue,
            @Schema(description = "Cases whose follow-up visit is due") List<CaseSummary> followUpsDue,
            @Schema(description = "Open cases by level") Map<Level, Long> openByLevel) {
    }
}

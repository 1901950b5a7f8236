package org.wangwu.disputes.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What callers send to work a case. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** A case taken in. Residents filing online are added as applicant from their register entry. */
    @Schema(examples = """
            {"channel": "GRID", "villageCode": "419001100201", "title": "宅基地边界争议",
             "facts": "王某与张某因两家宅基地之间的排水沟归属发生争执。", "category": "land-homestead",
             "parties": [{"role": "APPLICANT", "name": "王建国", "phone": "13812345678"},
                         {"role": "RESPONDENT", "name": "外地承包人刘某", "idNumber": "410102196803021238"}]}""")
    public record NewCase(
            @NotNull Channel channel,
            @NotNull @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit village code") String villageCode,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String facts,
            @Size(max = 40) String category,
            @Valid Referral referral,
            @NotNull @Size(max = 20) List<@Valid @NotNull NewParty> parties) {
    }

    /** The body that referred a case in. */
    @Schema(examples = """
            {"body": "POLICE", "name": "承留派出所", "reference": "警调〔2025〕12号"}""")
    public record Referral(@NotNull DisputeCase.ReferralBody body, @NotBlank @Size(max = 200) String name,
                           @Size(max = 100) String reference) {
    }

    /** A party: a register resident (by id) or an outside person (by name). ID number and phone are optional. */
    @Schema(examples = """
            {"role": "RESPONDENT", "name": "刘某", "idNumber": "410102196803021238", "phone": "13912345678",
             "address": "济源市承留镇"}""")
    public record NewParty(@NotNull CaseParty.PartyRole role, UUID residentId, @Size(max = 100) String name,
                           @Size(max = 18) String idNumber, @Size(max = 11) String phone,
                           @Size(max = 300) String address) {
    }

    /** Triage: what kind of dispute, how risky, and at which level it is mediated. */
    @Schema(examples = """
            {"category": "land-homestead", "risk": "low", "level": "VILLAGE"}""")
    public record Triage(@NotBlank @Size(max = 40) String category, @NotBlank @Size(max = 40) String risk,
                         @NotNull Level level, @Size(max = 2000) String note) {
    }

    /** The mediators (Keycloak usernames) for the level the case is at. */
    @Schema(examples = """
            {"mediators": ["jiyuan-mediator"]}""")
    public record AssignMediators(@NotNull @Size(min = 1, max = 5) List<@NotNull @Pattern(
            regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username") String> mediators) {
    }

    /** A session to hold. */
    @Schema(examples = """
            {"scheduledAt": "2025-06-01T02:00:00Z", "place": "花石村调解室", "participants": ["王建国", "张伟"]}""")
    public record NewSession(@NotNull Instant scheduledAt, @NotBlank @Size(max = 200) String place,
                             @Size(max = 30) List<@NotBlank @Size(max = 100) String> participants) {
    }

    /** A session as held: who came, and the minutes. */
    @Schema(examples = """
            {"heldAt": "2025-06-01T03:30:00Z", "participants": ["王建国", "张伟", "jiyuan-mediator"],
             "minutes": "双方陈述各自意见，调解员释法说理，双方同意……"}""")
    public record SessionRecord(@NotNull Instant heldAt,
                                @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 100) String> participants,
                                @NotBlank @Size(max = 10000) String minutes) {
    }

    /** The terms agreed; the agreement text is the county's template with the case's facts filled in. */
    @Schema(examples = """
            {"terms": "一、排水沟归王家所有；二、王家于2025年6月30日前补偿张家500元。", "effectiveOn": "2025-06-01"}""")
    public record NewAgreement(@NotBlank @Size(max = 5000) String terms, LocalDate effectiveOn) {
    }

    /** Mediation failed at this level; the case goes up one level. */
    @Schema(examples = """
            {"reason": "双方分歧较大，村级调解未能达成一致"}""")
    public record Failure(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The case leaves mediation for arbitration, litigation or an administrative body. */
    @Schema(examples = """
            {"to": "LITIGATION", "body": "济源市人民法院", "reason": "涉及合同效力认定，当事人选择诉讼"}""")
    public record ReferOut(@NotNull DisputeCase.ReferredTo to, @NotBlank @Size(max = 200) String body,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    /** The parties' joint application to a court for judicial confirmation (司法确认). */
    @Schema(examples = """
            {"court": "济源市人民法院", "appliedOn": "2025-06-10"}""")
    public record JudicialApplication(@NotBlank @Size(max = 200) String court, LocalDate appliedOn) {
    }

    /** The court's answer. */
    @Schema(examples = """
            {"confirmed": true, "decidedOn": "2025-06-20"}""")
    public record JudicialDecision(@NotNull Boolean confirmed, LocalDate decidedOn, @Size(max = 2000) String note) {
    }

    /** The follow-up visit (回访): is the agreement honoured, and how satisfied are the parties. */
    @Schema(examples = """
            {"visitedOn": "2025-07-02", "agreementHonoured": true, "satisfaction": 5, "note": "补偿款已付清"}""")
    public record FollowUp(LocalDate visitedOn, Boolean agreementHonoured,
                           @NotNull @Min(1) @Max(10) Integer satisfaction, @Size(max = 2000) String note) {
    }
}

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
            @Schema(description = "How it came in: WALK_IN, HOTLINE, ONLINE, GRID or REFERRAL") @NotNull Channel channel,
            @Schema(description = "Where it arose (12 digits)", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit village code") String villageCode,
            @Schema(description = "A short title", examples = "院墙滴水纠纷") @NotBlank @Size(max = 200) String title,
            @Schema(description = "What happened", examples = "两户因院墙滴水发生争执。") @NotBlank @Size(max = 5000) String facts,
            @Schema(description = "Its category, if known at intake", examples = "neighbours") @Size(max = 40) String category,
            @Schema(description = "Who referred it, for a referral") @Valid Referral referral,
            @Schema(description = "The parties (at least an applicant)") @NotNull @Size(max = 20) List<@Valid @NotNull NewParty> parties) {
    }

    /** The body that referred a case in. */
    @Schema(examples = """
            {"body": "POLICE", "name": "承留派出所", "reference": "警调〔2025〕12号"}""")
    public record Referral(
            @Schema(description = "POLICE, COURT or PETITION_OFFICE") @NotNull DisputeCase.ReferralBody body,
            @Schema(description = "The referring office", examples = "承留派出所") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Its reference", examples = "承公（2026）31号") @Size(max = 100) String reference) {
    }

    /** A party: a register resident (by id) or an outside person (by name). ID number and phone are optional. */
    @Schema(examples = """
            {"role": "RESPONDENT", "name": "刘某", "idNumber": "410102196803021238", "phone": "13912345678",
             "address": "济源市承留镇"}""")
    public record NewParty(
            @Schema(description = "APPLICANT, RESPONDENT or THIRD_PARTY") @NotNull CaseParty.PartyRole role,
            @Schema(description = "The party in the register, if a resident") UUID residentId,
            @Schema(description = "Full name", examples = "张伟") @Size(max = 100) String name,
            @Schema(description = "ID number; stored encrypted, shown masked", examples = "410102199001011234") @Size(max = 18) String idNumber,
            @Schema(description = "Phone; stored encrypted, shown masked", examples = "13912345678") @Size(max = 11) String phone,
            @Schema(description = "Address", examples = "花石村东街12号") @Size(max = 300) String address) {
    }

    /** Triage: what kind of dispute, how risky, and at which level it is mediated. */
    @Schema(examples = """
            {"category": "land-homestead", "risk": "low", "level": "VILLAGE"}""")
    public record Triage(
            @Schema(description = "A code of the county's category list (by default neighbours, marriage-family, land-homestead, debts, unpaid-wages, property, environment, other)", examples = "neighbours") @NotBlank @Size(max = 40) String category,
            @Schema(description = "A code of the county's risk list (by default low, medium, high; high escalates at once)", examples = "low") @NotBlank @Size(max = 40) String risk,
            @Schema(description = "The level that takes the case: VILLAGE, TOWNSHIP or COUNTY") @NotNull Level level,
            @Schema(description = "Why", examples = "涉及宅基地边界，移交镇调委会") @Size(max = 2000) String note) {
    }

    /** The mediators (Keycloak usernames) for the level the case is at. */
    @Schema(examples = """
            {"mediators": ["jiyuan-mediator"]}""")
    public record AssignMediators(
            @Schema(description = "Usernames of mediators of the case's level and place") @NotNull @Size(min = 1, max = 5) List<@NotNull @Pattern( regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username") String> mediators) {
    }

    /** A session to hold. */
    @Schema(examples = """
            {"scheduledAt": "2025-06-01T02:00:00Z", "place": "花石村调解室", "participants": ["王建国", "张伟"]}""")
    public record NewSession(
            @Schema(description = "When it is held", examples = "2026-03-12T09:30:00+08:00") @NotNull Instant scheduledAt,
            @Schema(description = "Where", examples = "花石村调解室") @NotBlank @Size(max = 200) String place,
            @Schema(description = "Who is to take part") @Size(max = 30) List<@NotBlank @Size(max = 100) String> participants) {
    }

    /** A session as held: who came, and the minutes. */
    @Schema(examples = """
            {"heldAt": "2025-06-01T03:30:00Z", "participants": ["王建国", "张伟", "jiyuan-mediator"],
             "minutes": "双方陈述各自意见，调解员释法说理，双方同意……"}""")
    public record SessionRecord(
            @Schema(description = "When it was held", examples = "2026-03-12T09:30:00+08:00") @NotNull Instant heldAt,
            @Schema(description = "Who came") @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 100) String> participants,
            @Schema(description = "The minutes", examples = "双方同意和解。") @NotBlank @Size(max = 10000) String minutes) {
    }

    /** The terms agreed; the agreement text is the county's template with the case's facts filled in. */
    @Schema(examples = """
            {"terms": "一、排水沟归王家所有；二、王家于2025年6月30日前补偿张家500元。", "effectiveOn": "2025-06-01"}""")
    public record NewAgreement(
            @Schema(description = "What the parties agreed", examples = "刘某于三日内修复院墙排水管，张伟不再追究。") @NotBlank @Size(max = 5000) String terms,
            @Schema(description = "The day it takes effect (default today)", examples = "2026-03-10") LocalDate effectiveOn) {
    }

    /** Mediation failed at this level; the case goes up one level. */
    @Schema(examples = """
            {"reason": "双方分歧较大，村级调解未能达成一致"}""")
    public record Failure(
            @Schema(description = "Why mediation failed at this level", examples = "被申请人拒绝调解") @NotBlank @Size(max = 2000) String reason) {
    }

    /** The case leaves mediation for arbitration, litigation or an administrative body. */
    @Schema(examples = """
            {"to": "LITIGATION", "body": "济源市人民法院", "reason": "涉及合同效力认定，当事人选择诉讼"}""")
    public record ReferOut(
            @Schema(description = "ARBITRATION, LITIGATION or ADMINISTRATIVE") @NotNull DisputeCase.ReferredTo to,
            @Schema(description = "The body referred to", examples = "济源市劳动人事争议仲裁委员会") @NotBlank @Size(max = 200) String body,
            @Schema(description = "Why", examples = "涉及劳动合同解除，需仲裁") @NotBlank @Size(max = 2000) String reason) {
    }

    /** The parties' joint application to a court for judicial confirmation (司法确认). */
    @Schema(examples = """
            {"court": "济源市人民法院", "appliedOn": "2025-06-10"}""")
    public record JudicialApplication(
            @Schema(description = "The court applied to", examples = "济源市人民法院") @NotBlank @Size(max = 200) String court,
            @Schema(description = "The day of the application", examples = "2026-03-20") LocalDate appliedOn) {
    }

    /** The court's answer. */
    @Schema(examples = """
            {"confirmed": true, "decidedOn": "2025-06-20"}""")
    public record JudicialDecision(
            @Schema(description = "Whether the court confirmed the agreement", examples = "true") @NotNull Boolean confirmed,
            @Schema(description = "The day of the decision", examples = "2026-03-28") LocalDate decidedOn,
            @Schema(description = "The court's reference or reason", examples = "（2026）豫9001民特12号") @Size(max = 2000) String note) {
    }

    /** The follow-up visit (回访): is the agreement honoured, and how satisfied are the parties. */
    @Schema(examples = """
            {"visitedOn": "2025-07-02", "agreementHonoured": true, "satisfaction": 5, "note": "补偿款已付清"}""")
    public record FollowUp(
            @Schema(description = "The day of the visit", examples = "2026-04-15") LocalDate visitedOn,
            @Schema(description = "Whether the agreement was honoured", examples = "true") Boolean agreementHonoured,
            @Schema(description = "The parties' satisfaction, 1 to 5", examples = "5") @NotNull @Min(1) @Max(10) Integer satisfaction,
            @Schema(description = "What the visit found", examples = "排水管已修复，双方满意。") @Size(max = 2000) String note) {
    }
}

package org.wangwu.points.award;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of awards, objections and public disclosure. */
public final class AwardViews {

    private AwardViews() {
    }

    /**
     * A deed applied for by a resident (beneficiary: themselves) or recorded by staff for a resident or
     * household of their reach.
     */
    @Schema(examples = {
            "{\"ruleCode\": \"FILIAL-01\", \"description\": \"常年照顾瘫痪在床的母亲\", \"occurredOn\": \"2025-03-02\"}",
            "{\"ruleCode\": \"VOLUNTEER-01\", \"residentId\": \"6f1c2f54-7a51-4a3e-9d64-0d8c3b1e2a10\", "
                    + "\"description\": \"参加村道清扫志愿活动\"}"})
    public record NewAward(
            @Schema(description = "The catalogue rule", examples = "VOLUNTEER-01") @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String ruleCode,
            @Schema(description = "The resident who did it (a resident applying names nobody: it is themselves)") UUID residentId,
            @Schema(description = "The household to book it to (staff recording)") UUID householdId,
            @Schema(description = "What was done", examples = "清理村道垃圾") @Size(max = 1000) String description,
            @Schema(description = "The day of the deed (default today)", examples = "2026-03-08") LocalDate occurredOn) {
    }

    /** The village's decision. */
    @Schema(name = "AwardReviewDecision", description = "The village's review of a points application: APPROVE (it goes to public disclosure) or REJECT (with a reason)")
    public enum Decision { APPROVE, REJECT }

    @Schema(examples = {"{\"decision\": \"APPROVE\"}", "{\"decision\": \"REJECT\", \"reason\": \"缺少照片佐证\"}"})
    public record Review(
            @Schema(description = "APPROVE (disclosure starts) or REJECT") @NotNull Decision decision,
            @Schema(description = "Why; required for a rejection", examples = "证明材料不足") @Size(max = 1000) String reason) {
    }

    @Schema(name = "NewAwardObjection", examples = "{\"reason\": \"该户老人由敬老院照料，申请情况不属实\"}")
    public record NewObjection(
            @Schema(description = "Why the villager objects", examples = "该户并未参加此次志愿服务") @NotBlank @Size(max = 1000) String reason) {
    }

    /** How a reviewer settles the open objections of an award. */
    @Schema(name = "AwardObjectionOutcome", description = "How a reviewer settles an award's open objections: UPHELD withdraws the award (nothing is posted), DISMISSED resumes its disclosure")
    public enum Outcome { UPHELD, DISMISSED }

    @Schema(examples = "{\"outcome\": \"DISMISSED\", \"reason\": \"经村委会走访核实，情况属实\"}")
    public record Settlement(
            @Schema(description = "UPHELD withdraws the award, DISMISSED resumes disclosure") @NotNull Outcome outcome,
            @Schema(description = "The reviewer's reason", examples = "经核实情况属实") @NotBlank @Size(max = 1000) String reason) {
    }

    /** An award as staff and its holder see it. */
    public record AwardView(
            @Schema(description = "The award's id") UUID id,
            @Schema(description = "The account it is booked to") UUID accountId,
            @Schema(description = "The account holder's name", examples = "王秀英户") String holderName,
            @Schema(description = "The holder's village", examples = "419001100201") String villageCode,
            @Schema(description = "The catalogue rule applied", examples = "VOLUNTEER-01") String ruleCode,
            @Schema(description = "The rule's item", examples = "参加志愿服务（每次）") String ruleItem,
            @Schema(description = "The rule's category", examples = "VOLUNTEER_SERVICE") String category,
            @Schema(description = "Points awarded (negative for a deduction)", examples = "5") int points,
            @Schema(description = "PENDING_REVIEW, DISCLOSED (under public disclosure), OBJECTED (held by an objection), POSTED or REJECTED") Award.Status status,
            @Schema(description = "How it came: a resident's application, staff recording, or another module's event") Award.Source source,
            @Schema(description = "What was done", examples = "清理村道垃圾") String description,
            @Schema(description = "The resident who did it, if named") UUID residentId,
            @Schema(description = "The day of the deed", examples = "2026-03-08") LocalDate occurredOn,
            @Schema(description = "Who applied or recorded", examples = "jiyuan-grid") String requestedBy,
            @Schema(description = "When") Instant requestedAt,
            @Schema(description = "Who reviewed it", examples = "jiyuan-cadre") String reviewedBy,
            @Schema(description = "When it was reviewed") Instant reviewedAt,
            @Schema(description = "The reviewer's reason (a rejection always has one)", examples = "证明材料不足") String reviewReason,
            @Schema(description = "When its public disclosure ends") Instant disclosureEndsAt,
            @Schema(description = "When it was posted to the ledger") Instant postedAt,
            @Schema(description = "The ledger entry it posted") UUID entryId) {
        static AwardView of(Award a) {
            return new AwardView(a.id, a.accountId, a.holderName, a.villageCode, a.ruleCode, a.ruleItem, a.category,
                    a.points, a.status, a.source, a.description, a.residentId, a.occurredOn, a.requestedBy,
                    a.requestedAt, a.reviewedBy, a.reviewedAt, a.reviewReason, a.disclosureEndsAt, a.postedAt,
                    a.entryId);
        }
    }

    @Schema(name = "AwardObjectionView")
    public record ObjectionView(
            @Schema(description = "The objection's id") UUID id,
            @Schema(description = "The award objected to") UUID awardId,
            @Schema(description = "The villager who objected", examples = "jiyuan-resident") String raisedBy,
            @Schema(description = "Why they object", examples = "该户并未参加此次志愿服务") String reason,
            @Schema(description = "OPEN until settled, then UPHELD or DISMISSED") Objection.Status status,
            @Schema(description = "When it was raised") Instant raisedAt,
            @Schema(description = "The reviewer who settled it", examples = "jiyuan-cadre") String settledBy,
            @Schema(description = "When it was settled") Instant settledAt,
            @Schema(description = "The reviewer's reason", examples = "经核实情况属实") String settlement) {
        static ObjectionView of(Objection o) {
            return new ObjectionView(o.id, o.awardId, o.raisedBy, o.reason, o.status, o.raisedAt, o.settledBy,
                    o.settledAt, o.settlement);
        }
    }

    /** A line of the public notice (公示): no ID number, no phone, the name as the county allows. */
    public record DisclosureView(
            @Schema(description = "The award's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "The holder's name in the form the county allows", examples = "王*") String name,
            @Schema(description = "The deed, as the catalogue names it", examples = "参加志愿服务（每次）") String ruleItem,
            @Schema(description = "The rule's category", examples = "VOLUNTEER_SERVICE") String category,
            @Schema(description = "Points", examples = "5") int points,
            @Schema(description = "DISCLOSED (under disclosure), OBJECTED (held) or POSTED") Award.Status status,
            @Schema(description = "The day of the deed", examples = "2026-03-08") LocalDate occurredOn,
            @Schema(description = "When the disclosure ends (until then villagers may object)") Instant disclosureEndsAt,
            @Schema(description = "When it was posted") Instant postedAt) {
    }
}

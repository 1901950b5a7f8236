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
    public record NewAward(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String ruleCode,
                           UUID residentId, UUID householdId,
                           @Size(max = 1000) String description, LocalDate occurredOn) {
    }

    /** The village's decision. */
    @Schema(name = "AwardReviewDecision")
    public enum Decision { APPROVE, REJECT }

    @Schema(examples = {"{\"decision\": \"APPROVE\"}", "{\"decision\": \"REJECT\", \"reason\": \"缺少照片佐证\"}"})
    public record Review(@NotNull Decision decision, @Size(max = 1000) String reason) {
    }

    @Schema(name = "NewAwardObjection", examples = "{\"reason\": \"该户老人由敬老院照料，申请情况不属实\"}")
    public record NewObjection(@NotBlank @Size(max = 1000) String reason) {
    }

    /** How a reviewer settles the open objections of an award. */
    @Schema(name = "AwardObjectionOutcome")
    public enum Outcome { UPHELD, DISMISSED }

    @Schema(examples = "{\"outcome\": \"DISMISSED\", \"reason\": \"经村委会走访核实，情况属实\"}")
    public record Settlement(@NotNull Outcome outcome, @NotBlank @Size(max = 1000) String reason) {
    }

    /** An award as staff and its holder see it. */
    public record AwardView(UUID id, UUID accountId, String holderName, String villageCode, String ruleCode,
                            String ruleItem, String category, int points, Award.Status status, Award.Source source,
                            String description, UUID residentId, LocalDate occurredOn, String requestedBy,
                            Instant requestedAt, String reviewedBy, Instant reviewedAt, String reviewReason,
                            Instant disclosureEndsAt, Instant postedAt, UUID entryId) {
        static AwardView of(Award a) {
            return new AwardView(a.id, a.accountId, a.holderName, a.villageCode, a.ruleCode, a.ruleItem, a.category,
                    a.points, a.status, a.source, a.description, a.residentId, a.occurredOn, a.requestedBy,
                    a.requestedAt, a.reviewedBy, a.reviewedAt, a.reviewReason, a.disclosureEndsAt, a.postedAt,
                    a.entryId);
        }
    }

    @Schema(name = "AwardObjectionView")
    public record ObjectionView(UUID id, UUID awardId, String raisedBy, String reason, Objection.Status status,
                                Instant raisedAt, String settledBy, Instant settledAt, String settlement) {
        static ObjectionView of(Objection o) {
            return new ObjectionView(o.id, o.awardId, o.raisedBy, o.reason, o.status, o.raisedAt, o.settledBy,
                    o.settledAt, o.settlement);
        }
    }

    /** A line of the public notice (公示): no ID number, no phone, the name as the county allows. */
    public record DisclosureView(UUID id, String villageCode, String name, String ruleItem, String category, int points,
                                 Award.Status status, LocalDate occurredOn, Instant disclosureEndsAt,
                                 Instant postedAt) {
    }
}

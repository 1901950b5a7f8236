package org.wangwu.points.ledger;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How accounts and their statements appear in the API. */
public final class AccountViews {

    private AccountViews() {
    }

    /** An account and its balance; {@code id} is null while nothing was ever credited. */
    public record AccountView(
            @Schema(description = "The account's id") UUID id,
            @Schema(description = "HOUSEHOLD or RESIDENT, as the county keeps accounts") PointsAccount.HolderType holderType,
            @Schema(description = "The household or resident holding the account") UUID holderId,
            @Schema(description = "The holder's household") UUID householdId,
            @Schema(description = "The holder's village (12 digits)", examples = "419001100201") String villageCode,
            @Schema(description = "The holder's name (a household by its head)", examples = "王秀英户") String holderName,
            @Schema(description = "Points held now: the sum of the account's entries", examples = "120") long balance,
            @Schema(description = "How many ledger entries the account has", examples = "14") long entries) {
        public static AccountView of(PointsAccount a) {
            return new AccountView(a.id, a.holderType, a.holderId, a.householdId, a.villageCode, a.holderName,
                    a.balance, a.lastSeq);
        }

        public static AccountView unopened(Ledger.Holder h) {
            return new AccountView(null, h.type(), h.holderId(), h.householdId(), h.villageCode(), h.name(), 0, 0);
        }
    }

    /** One statement line with the balance after it. */
    @Schema(name = "LedgerEntryView")
    public record EntryView(
            @Schema(description = "The entry's id") UUID id,
            @Schema(description = "The account") UUID accountId,
            @Schema(description = "Its place in the account's ledger", examples = "14") long seq,
            @Schema(description = "AWARD, DEDUCTION, REDEMPTION, EXPIRY or REVERSAL") LedgerEntry.Kind kind,
            @Schema(description = "Points added (positive) or taken (negative)", examples = "-30") long points,
            @Schema(description = "The balance after this entry", examples = "90") long balanceAfter,
            @Schema(description = "The award it posted, for awards and deductions") UUID awardId,
            @Schema(description = "The redemption, for redemptions") UUID redemptionId,
            @Schema(description = "The entry it reverses, for reversals") UUID reversesEntryId,
            @Schema(description = "What it was for", examples = "参加志愿服务（每次）") String memo,
            @Schema(description = "When it was booked") Instant occurredAt,
            @Schema(description = "Who booked it", examples = "jiyuan-cadre") String recordedBy) {
        public static EntryView of(LedgerEntry e) {
            return new EntryView(e.id, e.accountId, e.seq, e.kind, e.points, e.balanceAfter, e.awardId, e.redemptionId,
                    e.reversesEntryId, e.memo, e.occurredAt, e.recordedBy);
        }
    }

    /** Why an entry is corrected. */
    @Schema(examples = "{\"reason\": \"审核有误：该户当月已获同类积分\"}")
    public record ReversalRequest(
            @Schema(description = "Why the entry is corrected", examples = "重复登记") @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }
}

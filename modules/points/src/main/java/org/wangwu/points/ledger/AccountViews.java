package org.wangwu.points.ledger;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How accounts and their statements appear in the API. */
public final class AccountViews {

    private AccountViews() {
    }

    /** An account and its balance; {@code id} is null while nothing was ever credited. */
    public record AccountView(UUID id, PointsAccount.HolderType holderType, UUID holderId, UUID householdId,
                              String villageCode, String holderName, long balance, long entries) {
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
    public record EntryView(UUID id, UUID accountId, long seq, LedgerEntry.Kind kind, long points, long balanceAfter,
                            UUID awardId, UUID redemptionId, UUID reversesEntryId, String memo, Instant occurredAt,
                            String recordedBy) {
        public static EntryView of(LedgerEntry e) {
            return new EntryView(e.id, e.accountId, e.seq, e.kind, e.points, e.balanceAfter, e.awardId, e.redemptionId,
                    e.reversesEntryId, e.memo, e.occurredAt, e.recordedBy);
        }
    }

    /** Why an entry is corrected. */
    @Schema(examples = "{\"reason\": \"审核有误：该户当月已获同类积分\"}")
    public record ReversalRequest(@jakarta.validation.constraints.NotBlank
                                  @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }
}

package org.wangwu.points.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.wangwu.platform.tenancy.TenantEntity;

/** One line of the append-only ledger; the database refuses to change or delete it. */
@Entity
@Immutable
@Table(name = "points_ledger_entry")
public class LedgerEntry extends TenantEntity {

    /** What moved the balance. */
    @Schema(name = "LedgerEntryKind", description = "What moved a points balance: AWARD, DEDUCTION, REDEMPTION (goods at a love supermarket), EXPIRY (points past the county's validity), REVERSAL (a correction of an award or deduction)")
    public enum Kind { AWARD, DEDUCTION, REDEMPTION, EXPIRY, REVERSAL }

    @Id
    public UUID id;

    @Column(name = "account_id")
    public UUID accountId;

    /** Position in the account's statement, from 1. */
    public long seq;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** Signed: credits positive, debits negative. */
    public long points;

    @Column(name = "balance_after")
    public long balanceAfter;

    @Column(name = "award_id")
    public UUID awardId;

    @Column(name = "redemption_id")
    public UUID redemptionId;

    @Column(name = "reverses_entry_id")
    public UUID reversesEntryId;

    public String memo;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The day in China Standard Time, for monthly figures. */
    @Column(name = "booked_on")
    public LocalDate bookedOn;

    @Column(name = "recorded_by")
    public String recordedBy;
}

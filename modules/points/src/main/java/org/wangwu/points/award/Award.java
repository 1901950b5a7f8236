package org.wangwu.points.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * An award or deduction of points under a rule of the catalogue, on its way from application or
 * record through review and public disclosure (公示) to the ledger.
 */
@Entity
@Table(name = "points_award")
public class Award extends TenantEntity {

    /** Where an award stands. OBJECTED holds it until a reviewer settles the objection. */
    @Schema(name = "AwardStatus", description = "Where an award stands: PENDING_REVIEW (waiting for the village's review), REJECTED, DISCLOSED (publicly shown for the county's days), OBJECTED (held by an objection until settled), POSTED (booked on the account)")
    public enum Status { PENDING_REVIEW, REJECTED, DISCLOSED, OBJECTED, POSTED }

    /** How it came: a resident's application, a cadre's or grid worker's record, another module's event. */
    @Schema(description = "How an award came: APPLICATION (a resident applied), RECORDED (a cadre or grid worker recorded it), EVENT (another module's event, e.g. a verified simple wedding)")
    public enum Source { APPLICATION, RECORDED, EVENT }

    @Id
    public UUID id;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "holder_name")
    public String holderName;

    @Column(name = "rule_code")
    public String ruleCode;

    @Column(name = "rule_item")
    public String ruleItem;

    public String category;

    /** Signed as the rule was when recorded: negative for a deduction. */
    public int points;

    @Column(name = "evidence_required")
    public boolean evidenceRequired;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Source source;

    public String description;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "period_key")
    public String periodKey;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "disclosure_ends_at")
    public Instant disclosureEndsAt;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "event_id")
    public UUID eventId;

    @Version
    public long version;

    /** Refuses a step that the award's state does not allow. */
    void require(Status expected, String step) {
        if (status != expected) {
            throw ProblemException.conflict("illegal-transition", "An award that is " + status + " cannot be " + step,
                    Map.of("state", status.name()));
        }
    }
}

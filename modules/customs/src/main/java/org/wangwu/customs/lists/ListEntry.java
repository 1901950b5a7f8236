package org.wangwu.customs.lists;

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
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * A household on the red list (红榜, commended) or the black list (黑榜, a violation). A black entry is
 * first a notice; it is listed when the notice ends with no open appeal, and leaves when it expires.
 */
@Entity
@Table(name = "customs_list_entry")
public class ListEntry extends TenantEntity {

    @Schema(name = "CustomsListKind", description = "Which list: RED (model households, commended) or BLACK (households that broke the covenant's limits)")
    public enum Kind { RED, BLACK }

    @Schema(name = "ListEntryStatus", description = "A red or black list entry: NOTICE (a black entry announced first, open to appeal), LISTED (on the public list), OVERTURNED (withdrawn on appeal), EXPIRED (its months are over)")
    public enum Status { NOTICE, LISTED, OVERTURNED, EXPIRED }

    @Schema(description = "A household's appeal against a list entry: OPEN until the council decides, then UPHELD (the entry stands) or OVERTURNED (the entry is withdrawn)")
    public enum AppealStatus { OPEN, UPHELD, OVERTURNED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind list;

    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "household_name")
    public String householdName;

    public String reason;

    @Column(name = "registration_id")
    public UUID registrationId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "noticed_on")
    public LocalDate noticedOn;

    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;

    @Column(name = "appeal_ends_on")
    public LocalDate appealEndsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_status")
    public AppealStatus appealStatus;

    @Column(name = "appeal_reason")
    public String appealReason;

    @Column(name = "appealed_by")
    public String appealedBy;

    @Column(name = "appeal_decided_by")
    public String appealDecidedBy;

    @Column(name = "appeal_decision")
    public String appealDecision;

    @Column(name = "listed_on")
    public LocalDate listedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

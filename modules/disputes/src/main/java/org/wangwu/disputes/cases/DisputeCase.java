package org.wangwu.disputes.cases;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.tenancy.TenantEntity;

/** A dispute case (矛盾纠纷案件) from intake to the follow-up visit that closes it. */
@Entity
@Table(name = "dispute_case")
public class DisputeCase extends TenantEntity {

    /** Who referred a case in (诉调、警调、访调对接). */
    @Schema(description = "Who referred a case in (诉调、警调、访调对接): POLICE, COURT or PETITION_OFFICE")
    public enum ReferralBody { POLICE, COURT, PETITION_OFFICE }

    /** Where a case goes when mediation is not the way. */
    @Schema(description = "Where a case goes when mediation is not the way: ARBITRATION, LITIGATION or ADMINISTRATIVE (an administrative body)")
    public enum ReferredTo { ARBITRATION, LITIGATION, ADMINISTRATIVE }

    @Id
    public UUID id;

    public String number;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_body")
    public ReferralBody referralBody;

    @Column(name = "referral_name")
    public String referralName;

    @Column(name = "referral_reference")
    public String referralReference;

    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "township_code")
    public String townshipCode;

    public String title;

    public String facts;

    public String category;

    public String risk;

    @Enumerated(EnumType.STRING)
    public Level level;

    @Enumerated(EnumType.STRING)
    public CaseState state;

    public LocalDate deadline;

    public boolean overdue;

    @Column(name = "ever_overdue")
    public boolean everOverdue;

    public int escalations;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "resolved_level")
    public Level resolvedLevel;

    @Column(name = "agreement_terms")
    public String agreementTerms;

    @Column(name = "agreement_text")
    public String agreementText;

    @Column(name = "agreement_effective_on")
    public LocalDate agreementEffectiveOn;

    @Column(name = "judicial_deadline")
    public LocalDate judicialDeadline;

    @Column(name = "judicial_reminded")
    public boolean judicialReminded;

    @Column(name = "judicial_court")
    public String judicialCourt;

    @Column(name = "judicial_applied_on")
    public LocalDate judicialAppliedOn;

    @Column(name = "judicial_decided_on")
    public LocalDate judicialDecidedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "referred_to")
    public ReferredTo referredTo;

    @Column(name = "referred_body")
    public String referredBody;

    @Column(name = "referred_reason")
    public String referredReason;

    @Column(name = "follow_up_due_on")
    public LocalDate followUpDueOn;

    @Column(name = "followed_up_on")
    public LocalDate followedUpOn;

    @Column(name = "agreement_honoured")
    public Boolean agreementHonoured;

    public Integer satisfaction;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    /** The code of the place the case is at for its level: village, township or the county itself. */
    public String placeCode() {
        if (level == null) {
            return villageCode;
        }
        return switch (level) {
            case VILLAGE -> villageCode;
            case TOWNSHIP -> townshipCode;
            case COUNTY -> tenantId;
        };
    }
}

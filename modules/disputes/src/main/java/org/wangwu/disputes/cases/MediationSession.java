package org.wangwu.disputes.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A mediation session (调解会): scheduled, then held with its participants and minutes. */
@Entity
@Table(name = "dispute_session")
public class MediationSession extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Level level;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    public String place;

    /** JSON array of the people present (parties, mediators, others). */
    public String participants;

    @Column(name = "held_at")
    public Instant heldAt;

    public String minutes;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Version
    public long version;
}

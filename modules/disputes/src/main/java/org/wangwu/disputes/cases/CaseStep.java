package org.wangwu.disputes.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** One step on a case's path: what happened, between which states, at which level, by whom. */
@Entity
@Table(name = "dispute_case_step")
public class CaseStep extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public CaseState toState;

    @Enumerated(EnumType.STRING)
    public Level level;

    public String actor;

    public String note;

    /** The parties' satisfaction given at a follow-up visit. */
    public Integer satisfaction;
}

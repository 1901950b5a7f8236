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

/**
 * A mediator (Keycloak username) assigned to a case at a level and place. An assignment ends when the
 * case leaves that level; ended ones remain as the case's history.
 */
@Entity
@Table(name = "dispute_assignment")
public class Assignment extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "mediator_username")
    public String mediatorUsername;

    @Enumerated(EnumType.STRING)
    public Level level;

    @Column(name = "place_code")
    public String placeCode;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    public boolean active;

    @Column(name = "ended_at")
    public Instant endedAt;
}

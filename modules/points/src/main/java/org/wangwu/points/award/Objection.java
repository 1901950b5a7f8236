package org.wangwu.points.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A villager's objection (异议) to a disclosed award. */
@Entity
@Table(name = "points_objection")
public class Objection extends TenantEntity {

    /** OPEN holds the award; a reviewer upholds (the award is withdrawn) or dismisses it. */
    @Schema(name = "AwardObjectionStatus", description = "An objection to an award: OPEN holds the award; UPHELD (the award is withdrawn) or DISMISSED once a reviewer settles it")
    public enum Status { OPEN, UPHELD, DISMISSED }

    @Id
    public UUID id;

    @Column(name = "award_id")
    public UUID awardId;

    @Column(name = "raised_by")
    public String raisedBy;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "settled_by")
    public String settledBy;

    @Column(name = "settled_at")
    public Instant settledAt;

    public String settlement;
}

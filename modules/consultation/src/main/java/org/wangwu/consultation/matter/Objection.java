package org.wangwu.consultation.matter;

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

/** A villager's objection (异议) during a disclosure window, and how it was answered (named apart from the points module's). */
@Entity(name = "ConsultationObjection")
@Table(name = "consultation_objection")
public class Objection extends TenantEntity {

    /** OPEN holds the window; ANSWERED lets it run on; SENT_BACK returned the matter to resolution. */
    @Schema(name = "MatterObjectionStatus", description = "An objection raised in a disclosure window: OPEN holds the window; ANSWERED lets it run on; SENT_BACK returned the matter to resolution")
    public enum Status { OPEN, ANSWERED, SENT_BACK }

    @Id
    public UUID id;

    @Column(name = "matter_id")
    public UUID matterId;

    /** The disclosure objected to. */
    @Enumerated(EnumType.STRING)
    public Step step;

    @Column(name = "raised_by")
    public String raisedBy;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;
}

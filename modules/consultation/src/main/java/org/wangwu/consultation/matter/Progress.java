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

/** An implementation update (实施进展) by a cadre, or the supervision committee's opinion (监督意见). */
@Entity
@Table(name = "consultation_progress")
public class Progress extends TenantEntity {

    @Schema(name = "ProgressKind", description = "An implementation record: PROGRESS (a cadre's update with a percentage) or SUPERVISION (the village affairs supervision committee's opinion)")
    public enum Kind { PROGRESS, SUPERVISION }

    @Id
    public UUID id;

    @Column(name = "matter_id")
    public UUID matterId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String note;

    public Integer percent;

    /** For a supervision opinion: whether the committee finds the implementation in order. */
    public Boolean approved;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static Progress of(UUID matterId, Kind kind, String note, Integer percent, Boolean approved, String by,
                              Instant at) {
        Progress p = new Progress();
        p.id = UUID.randomUUID();
        p.matterId = matterId;
        p.kind = kind;
        p.note = note;
        p.percent = percent;
        p.approved = approved;
        p.recordedBy = by;
        p.recordedAt = at;
        return p;
    }
}

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

/** One stay of a matter at a step: the matter's timeline, and what days per step are counted from. */
@Entity
@Table(name = "consultation_step_record")
public class StepRecord extends TenantEntity {

    /** How the matter left the step. */
    @Schema(name = "MatterStepResult", description = "How a matter left a step: PASSED, FAILED or SENT_BACK (to an earlier step)")
    public enum Result { PASSED, FAILED, SENT_BACK }

    @Id
    public UUID id;

    @Column(name = "matter_id")
    public UUID matterId;

    @Enumerated(EnumType.STRING)
    public Step step;

    @Column(name = "entered_at")
    public Instant enteredAt;

    @Column(name = "left_at")
    public Instant leftAt;

    @Enumerated(EnumType.STRING)
    public Result result;

    public String note;

    /** A stay at {@code step} from {@code entered}; {@code left} and {@code result} are null while it lasts. */
    public static StepRecord of(UUID matterId, Step step, Instant entered, Instant left, Result result) {
        StepRecord r = new StepRecord();
        r.id = UUID.randomUUID();
        r.matterId = matterId;
        r.step = step;
        r.enteredAt = entered;
        r.leftAt = left;
        r.result = result;
        return r;
    }
}

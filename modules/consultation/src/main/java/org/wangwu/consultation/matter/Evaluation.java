package org.wangwu.consultation.matter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.tenancy.TenantEntity;

/** A household's evaluation (群众评议) of a disclosed result. */
@Entity
@Table(name = "consultation_evaluation")
public class Evaluation extends TenantEntity {

    @Schema(description = "A household's evaluation of a disclosed result: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED")
    public enum Rating { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }

    @Id
    public UUID id;

    @Column(name = "matter_id")
    public UUID matterId;

    @Column(name = "household_id")
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    public Rating rating;

    public String comment;

    @Column(name = "evaluated_by")
    public String evaluatedBy;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    public static Evaluation of(UUID matterId, UUID householdId, Rating rating, String comment, String by, Instant at) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.matterId = matterId;
        e.householdId = householdId;
        e.rating = rating;
        e.comment = comment;
        e.evaluatedBy = by;
        e.evaluatedAt = at;
        return e;
    }
}

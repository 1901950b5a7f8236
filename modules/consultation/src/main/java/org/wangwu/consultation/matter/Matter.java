package org.wangwu.consultation.matter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.TenantEntity;

/** A matter for villagers' consultation (议事事项) and the step it is at. */
@Entity
@Table(name = "consultation_matter")
public class Matter extends TenantEntity {

    /** The full procedure (四议两公开), or a lighter form for categories that do not need it. */
    @Schema(description = "The procedure of a consultation matter: FULL (four discussions and two disclosures, 四议两公开) or LIGHT (one meeting, for categories the county allows)")
    public enum Procedure { FULL, LIGHT }

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    public String category;

    public String title;

    public String description;

    @Column(name = "estimated_amount")
    public BigDecimal estimatedAmount;

    @Enumerated(EnumType.STRING)
    public Procedure procedure;

    /** The lighter form's code, for LIGHT matters. */
    public String form;

    @Enumerated(EnumType.STRING)
    public Step step;

    @Column(name = "step_since")
    public Instant stepSince;

    @Column(name = "disclosure_ends_at")
    public Instant disclosureEndsAt;

    /** The resolution's text as adopted, disclosed and printed on the notice. */
    public String resolution;

    @Column(name = "result_summary")
    public String resultSummary;

    /** A lighter form's outcome. */
    public String outcome;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    /** Refuses, with a 409 naming the step, anything but {@code expected}. */
    public void requireStep(Step expected, String action) {
        if (step != expected) {
            throw ProblemException.conflict("step-not-open", action + " belongs to step " + expected.label()
                    + "; this matter is at " + step.label(), Map.of("step", expected.name(), "currentStep", step.name()));
        }
    }
}

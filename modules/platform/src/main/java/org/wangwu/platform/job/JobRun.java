package org.wangwu.platform.job;

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

/** One run of a module's job in a county: scheduled (with the slot it ran for) or by hand. */
@Entity
@Table(name = "job_run")
public class JobRun extends TenantEntity {

    /** What started the run. */
    @Schema(description = "What started a job run: SCHEDULE or MANUAL (a county administrator ran it)")
    public enum Trigger { SCHEDULE, MANUAL }

    /** How it ended. */
    @Schema(name = "JobRunOutcome", description = "How a module job's run ended: SUCCEEDED or FAILED")
    public enum Outcome { SUCCEEDED, FAILED }

    @Id
    public UUID id;

    @Column(name = "module_key")
    public String moduleKey;

    @Column(name = "job_key")
    public String jobKey;

    @Enumerated(EnumType.STRING)
    public Trigger trigger;

    /** The scheduled slot this run took; null for a run by hand. */
    public Instant slot;

    public String node;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public int processed;

    /** The failure as it was thrown, for operators (logs and database); never served to the county. */
    public String error;

    /** What the county is told of a failure: a rule's own message, or where operators look. */
    @Column(name = "public_error")
    public String publicError;
}

package org.wangwu.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** One state change in a county, linked to the previous record of the same county by its hash. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends TenantEntity {

    @Id
    public UUID id;

    public long seq;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    public String action;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    @Column(name = "request_id")
    public String requestId;

    public String detail;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}

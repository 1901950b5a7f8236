package org.wangwu.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** One state change in a county, linked by its hash to the previous record of the same shard of the county's chain. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends TenantEntity {

    @Id
    public UUID id;

    /** County-wide order (from one sequence, so it may have gaps); unique per county. */
    public long seq;

    /** The chain this record links into; {@code prevHash} is the hash of the shard's previous record. */
    public short shard;

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

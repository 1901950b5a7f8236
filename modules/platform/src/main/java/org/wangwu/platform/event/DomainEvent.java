package org.wangwu.platform.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * Something that happened in a county that other modules (and later webhooks) may act on, written
 * to the outbox in the same transaction as the change itself.
 */
@Entity
@Table(name = "domain_event")
public class DomainEvent extends TenantEntity {

    @Id
    public UUID id;

    /** {@code <module>.<what-happened>}, e.g. {@code disputes.case-resolved}. */
    public String type;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    /** JSON object with the facts a consumer needs. */
    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}

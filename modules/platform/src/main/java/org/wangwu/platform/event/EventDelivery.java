package org.wangwu.platform.event;

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

/** What became of one event for one consumer: so that each is handled once, and failures are visible. */
@Entity
@Table(name = "domain_event_delivery")
public class EventDelivery extends TenantEntity {

    /** Outcome; FAILED is retried until {@link EventDispatcher#MAX_ATTEMPTS}. */
    @Schema(name = "EventDeliveryStatus", description = "What became of a domain event for a consuming module: DELIVERED, SKIPPED (the module is off in the county) or FAILED (retried up to a limit)")
    public enum Status { DELIVERED, SKIPPED, FAILED }

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;

    public String consumer;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

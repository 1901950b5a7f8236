package org.wangwu.platform.webhook;

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

/** One event on its way to one subscription: retried with backoff until delivered or given up. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends TenantEntity {

    /**
     * PENDING until a 2xx answer (DELIVERED) or the last attempt failed (FAILED); CANCELLED when its
     * subscription was deleted first.
     */
    @Schema(name = "WebhookDeliveryStatus", description = "A webhook delivery: PENDING (waiting or being retried), DELIVERED, FAILED (out of attempts) or CANCELLED (its subscription was deleted)")
    public enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_failure")
    public DeliveryFailure lastFailure;

    /** The node sending it now, and until when no other node may claim it. */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at")
    public Instant createdAt;
}

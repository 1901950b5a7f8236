package org.wangwu.platform.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.tenancy.TenantEntity;

/** A county's request to have some of its events POSTed, signed, to a URL of its choosing. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends TenantEntity {

    /** ACTIVE sends; PAUSED keeps new deliveries waiting until resumed; DELETED is gone for the county. */
    @Schema(name = "WebhookSubscriptionStatus", description = "A webhook subscription: ACTIVE sends; PAUSED keeps new deliveries waiting until resumed; DELETED is gone for the county")
    public enum Status { ACTIVE, PAUSED, DELETED }

    @Id
    public UUID id;

    public String url;

    /** Comma-separated event types; {@code *} takes every event of the county. */
    @Column(name = "event_types")
    public String eventTypes;

    /** The signing secret, encrypted at rest; shown to the administrator once, at creation. */
    @Column(name = "secret_cipher")
    public String secretCipher;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    boolean wants(String eventType) {
        return Arrays.stream(eventTypes.split(",")).anyMatch(t -> t.equals("*") || t.equals(eventType));
    }
}

package org.wangwu.platform.app;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * A third-party app a county registered: a confidential Keycloak client bound to the county, allowed
 * the named modules, at most so many requests a minute. Kept after revocation, so that the county
 * gate refuses the app's tokens still in circulation.
 */
@Entity
@Table(name = "app_registration")
public class AppRegistration extends TenantEntity {

    @Schema(name = "AppStatus", description = "A third-party app's registration: ACTIVE (its tokens are accepted) or REVOKED (its Keycloak client is deleted and its tokens refused at once)")
    public enum Status { ACTIVE, REVOKED }

    @Id
    public UUID id;

    @Column(name = "client_id")
    public String clientId;

    /** Keycloak's own id of the client, for its admin API. */
    @Column(name = "keycloak_id")
    public String keycloakId;

    public String name;

    @Column(name = "contact_email")
    public String contactEmail;

    /** Comma-separated module keys. */
    public String modules;

    @Column(name = "requests_per_minute")
    public int requestsPerMinute;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public List<String> moduleKeys() {
        return modules.isEmpty() ? List.of() : List.of(modules.split(","));
    }

    public boolean allows(String moduleKey) {
        return status == Status.ACTIVE && moduleKeys().contains(moduleKey);
    }
}

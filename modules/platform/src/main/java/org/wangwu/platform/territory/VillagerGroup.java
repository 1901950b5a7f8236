package org.wangwu.platform.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A villager group (村民小组) or a grid (网格) a grid worker walks, inside one village. */
@Entity
@Table(name = "villager_group")
public class VillagerGroup extends TenantEntity {

    /** Traditional villager group, or a governance grid. */
    @Schema(name = "VillagerGroupKind", description = "A traditional villager GROUP (村民小组) or a governance GRID (网格)")
    public enum Kind { GROUP, GRID }

    @Id
    public UUID id;

    @Column(name = "village_id")
    public UUID villageId;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

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

/** An administrative village (行政村) or community (社区), by its 12-digit statistical code. */
@Entity
@Table(name = "village")
public class Village extends TenantEntity {

    /** Rural village or urban-style community. */
    @Schema(name = "VillageKind", description = "A rural VILLAGE (行政村) or an urban-style COMMUNITY (社区)")
    public enum Kind { VILLAGE, COMMUNITY }

    @Id
    public UUID id;

    @Column(name = "township_id")
    public UUID townshipId;

    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

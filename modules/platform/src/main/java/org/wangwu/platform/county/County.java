package org.wangwu.platform.county;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A pilot county (县): the tenant. The platform's own registry row, not county-owned data. */
@Entity
@Table(name = "county")
public class County {

    /** Lifecycle of a tenant: a suspended county keeps its data but its calls are refused. */
    @Schema(name = "CountyStatus", description = "A county as a tenant: ACTIVE, or SUSPENDED (its data is kept but its calls are refused)")
    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String code;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "onboarded_at")
    public Instant onboardedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}

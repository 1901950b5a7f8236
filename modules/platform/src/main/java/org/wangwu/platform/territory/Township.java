package org.wangwu.platform.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A township or town (乡镇), by its 9-digit statistical code. */
@Entity
@Table(name = "township")
public class Township extends TenantEntity {

    @Id
    public UUID id;

    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

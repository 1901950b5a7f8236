package org.wangwu.platform.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A household (户), numbered within its village as the village's books number it. */
@Entity
@Table(name = "household")
public class Household extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "village_id")
    public UUID villageId;

    @Column(name = "group_id")
    public UUID groupId;

    public String number;

    public String address;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

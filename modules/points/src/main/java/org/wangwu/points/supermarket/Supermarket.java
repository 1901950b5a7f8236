package org.wangwu.points.supermarket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A love supermarket (爱心超市) of a village or a township, where points buy goods. */
@Entity
@Table(name = "points_supermarket")
public class Supermarket extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    /** The village (12 digits) or township (9 digits) it serves. */
    @Column(name = "place_code")
    public String placeCode;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

package org.wangwu.points.supermarket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** Goods on a supermarket's shelf, priced in points; stock never goes below zero. */
@Entity
@Table(name = "points_goods")
public class Goods extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "supermarket_id")
    public UUID supermarketId;

    public String name;

    @Column(name = "price_points")
    public int pricePoints;

    public int stock;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

package org.wangwu.points.supermarket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.wangwu.platform.tenancy.TenantEntity;

/** Goods handed over for points at a supermarket's counter. */
@Entity
@Immutable
@Table(name = "points_redemption")
public class Redemption extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "supermarket_id")
    public UUID supermarketId;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "goods_id")
    public UUID goodsId;

    public int quantity;

    public long points;

    @Column(name = "entry_id")
    public UUID entryId;

    public String clerk;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;

    @Column(name = "booked_on")
    public LocalDate bookedOn;
}

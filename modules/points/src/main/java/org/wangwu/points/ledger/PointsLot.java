package org.wangwu.points.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * Points credited together (an award, a reversed deduction): debits take from the oldest lots first,
 * so what expires is exactly what is left of old awards.
 */
@Entity
@Table(name = "points_lot")
public class PointsLot extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "entry_id")
    public UUID entryId;

    public long points;

    public long remaining;

    public long expired;

    @Column(name = "earned_at")
    public Instant earnedAt;

    /** The first day these points no longer count; null where the county's points never expire. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Version
    public long version;
}

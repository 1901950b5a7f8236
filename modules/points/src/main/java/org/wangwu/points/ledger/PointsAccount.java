package org.wangwu.points.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * A points account (积分账户) of a household or a resident. {@link #balance} is kept with every entry
 * under the account's row lock; it always equals the sum of the account's ledger entries.
 */
@Entity
@Table(name = "points_account")
public class PointsAccount extends TenantEntity {

    /** Whose account it is; the county chooses. */
    @Schema(description = "Whose points account it is, as the county chooses: HOUSEHOLD or RESIDENT")
    public enum HolderType { HOUSEHOLD, RESIDENT }

    @Id
    public UUID id;

    @Column(name = "holder_type")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public HolderType holderType;

    @Column(name = "holder_id")
    public UUID holderId;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "holder_name")
    public String holderName;

    public long balance;

    @Column(name = "last_seq")
    public long lastSeq;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}

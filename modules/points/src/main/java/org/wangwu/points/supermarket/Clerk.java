package org.wangwu.points.supermarket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A supermarket clerk's login assigned to one supermarket. */
@Entity
@Table(name = "points_clerk")
public class Clerk extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "supermarket_id")
    public UUID supermarketId;

    public String username;
}

package org.wangwu.platform.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * Base of every county-owned entity. The auto-enabled {@value #FILTER} filter restricts every
 * query (and load by id) to the county of the current {@link TenantTransactions} unit of work, and
 * {@link #stampTenant()} writes that county on insert. PostgreSQL row-level security backs both up.
 */
@MappedSuperclass
@FilterDef(name = TenantEntity.FILTER, autoEnabled = true, applyToLoadByKey = true,
        defaultCondition = "tenant_id = :tenantId",
        parameters = @ParamDef(name = "tenantId", type = String.class, resolver = CurrentCountyResolver.class))
@Filter(name = TenantEntity.FILTER)
public abstract class TenantEntity {

    public static final String FILTER = "county";

    @Column(name = "tenant_id", nullable = false, updatable = false, length = 6)
    public String tenantId;

    @PrePersist
    void stampTenant() {
        if (tenantId == null) {
            tenantId = CurrentCounty.require().value();
        }
    }
}

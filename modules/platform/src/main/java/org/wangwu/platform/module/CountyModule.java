package org.wangwu.platform.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wangwu.platform.tenancy.TenantEntity;

/** A county's switch and current settings for one module. */
@Entity
@Table(name = "county_module")
public class CountyModule extends TenantEntity {

    /** Unique within a county; the tenant filter adds the county to every lookup. */
    @Id
    @Column(name = "module_key")
    public String moduleKey;

    public boolean enabled;

    /** The county's values as a JSON object; absent keys take the descriptor's defaults. */
    public String settings;

    @Column(name = "settings_revision")
    public int settingsRevision;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

}

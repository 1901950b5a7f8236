package org.wangwu.platform.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.wangwu.platform.tenancy.TenantEntity;

/** One saved version of a county's settings for a module; the history is never rewritten. */
@Entity
@Table(name = "county_module_settings_revision")
public class SettingsRevision extends TenantEntity {

    @Id
    public java.util.UUID id;

    @Column(name = "module_key")
    public String moduleKey;

    public int revision;

    public String settings;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "request_id")
    public String requestId;

}

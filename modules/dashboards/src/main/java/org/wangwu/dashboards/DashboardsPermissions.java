package org.wangwu.dashboards;

import jakarta.enterprise.context.ApplicationScoped;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModulePermissions;

/**
 * Who reads which dashboard. The province gate has matched the token's province to the path and
 * refused county tokens; this decides by role.
 */
@ApplicationScoped
public class DashboardsPermissions implements ModulePermissions {

    /** A province's figures: its provincial viewers and its read-only apps, aggregates only. */
    public void readProvince(Caller caller) {
        ModulePermissions.require(caller.has(Role.PROVINCIAL_VIEWER) || caller.isThirdPartyApp(),
                "Only provincial viewers and the province's apps read its figures");
    }

    /** The county dashboard: the county administrator. */
    public void readCountyDashboard(Caller caller) {
        ModulePermissions.require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator reads the county dashboard");
    }

    /** The facts check's findings: the county administrator. */
    public void readFactChecks(Caller caller) {
        ModulePermissions.require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator reads the facts checks");
    }
}

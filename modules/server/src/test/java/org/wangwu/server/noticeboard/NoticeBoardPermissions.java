package org.wangwu.server.noticeboard;

import jakarta.enterprise.context.ApplicationScoped;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModulePermissions;

/** Who may do what on the notice board; jobs and statistics keep the contract's defaults. */
@ApplicationScoped
public class NoticeBoardPermissions implements ModulePermissions {

    public void read(Caller caller) {
        ModulePermissions.require(caller.isThirdPartyApp() || !caller.roles().isEmpty(),
                "Only people and apps of the county read the notice board");
    }

    public void post(Caller caller) {
        ModulePermissions.require(caller.isThirdPartyApp() || caller.hasAny(Role.COUNTY_ADMIN, Role.VILLAGE_CADRE),
                "Only cadres post notices");
    }
}

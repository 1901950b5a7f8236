package org.wangwu.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.wangwu.platform.error.ProblemException;

/**
 * Who may do what with the platform's own county resources (modules, territory, audit). The county
 * itself has already been checked against the token by the county gate; this decides by role and reach.
 */
@ApplicationScoped
public class PlatformPermissions {

    public void manageModules(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator configures modules");
    }

    public void readModules(Caller caller) {
        require(!caller.isThirdPartyApp() && !caller.roles().isEmpty(), "Only county staff read module settings");
    }

    public void readAudit(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator reads the audit trail");
    }

    public void manageWebhooks(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator manages webhooks");
    }

    public void manageStaff(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator manages staff accounts");
    }

    public void manageApps(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator registers third-party apps");
    }

    public void manageTerritory(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator maintains townships, villages and people");
    }

    /** Staff who work with people read the register, each within their reach. */
    public void readTerritory(Caller caller, String placeCode) {
        require(caller.hasAny(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER,
                Role.MEDIATOR), "Your role does not read the register of people and places");
        if (placeCode != null) {
            require(caller.reaches(placeCode), "Place " + placeCode + " is outside your reach");
        }
    }

    /** Unmasked ID numbers and phones: county administrators only, and every read is audited. */
    public void readPersonalData(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator may read unmasked personal data");
    }

    private static void require(boolean allowed, String why) {
        if (!allowed) {
            throw ProblemException.forbidden("not-permitted", why);
        }
    }
}

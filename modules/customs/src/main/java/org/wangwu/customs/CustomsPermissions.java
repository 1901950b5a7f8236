package org.wangwu.customs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModulePermissions;

/**
 * Who may do what in customs reform, in one place. Residents register for their own household and
 * cadres for any household of their village; the members of the village's red and white council
 * decide and verify; township officials decide appeals with the council; the county administrator
 * configures (the platform's settings) and runs jobs. The county gate has already matched the county.
 */
@ApplicationScoped
public class CustomsPermissions implements ModulePermissions {

    private static final Role[] STAFF = {Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE};

    /** A resident for their own household; a cadre or township official for a household in their reach. */
    public void register(Caller caller, String villageCode, UUID householdId, UUID callersHousehold) {
        if (caller.has(Role.RESIDENT) && householdId.equals(callersHousehold)) {
            return;
        }
        ModulePermissions.require(caller.hasAny(Role.VILLAGE_CADRE, Role.TOWNSHIP_OFFICIAL),
                "Residents register for their own household; cadres register for others");
        ModulePermissions.require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
    }

    /** The council of the event's village decides before and verifies after; no one else. */
    public void decide(Caller caller, Collection<String> councilUsernames, String villageCode) {
        ModulePermissions.require(councilUsernames.contains(caller.username()),
                "Only members of the red and white council of village " + villageCode + " decide and verify");
    }

    /** Staff in reach, the village council, and the household itself read a registration. */
    public void readRegistration(Caller caller, Collection<String> councilUsernames, String villageCode,
                                 UUID householdId, UUID callersHousehold) {
        boolean own = caller.has(Role.RESIDENT) && householdId.equals(callersHousehold);
        ModulePermissions.require(own || councilUsernames.contains(caller.username())
                        || caller.hasAny(STAFF) && caller.reaches(villageCode),
                "Only the household, the village's council and staff in reach read this registration");
    }

    /** Lists of a village's registrations, pledges and notices: staff in reach and the village council. */
    public void readVillage(Caller caller, Collection<String> councilUsernames, String placeCode) {
        ModulePermissions.require(councilUsernames.contains(caller.username())
                        || (caller.hasAny(STAFF) || caller.has(Role.GRID_WORKER)) && caller.reaches(placeCode),
                "Only the village's council and staff in reach read this");
    }

    /** Covenant drafts, council membership and pledges are kept by the village's cadres (and county staff). */
    public void keepVillageBooks(Caller caller, String villageCode) {
        ModulePermissions.require(caller.hasAny(STAFF), "Only village cadres, township officials and county administrators keep this");
        ModulePermissions.require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
    }

    /** The council or a cadre of the village commends a model household. */
    public void commend(Caller caller, Collection<String> councilUsernames, String villageCode) {
        ModulePermissions.require(councilUsernames.contains(caller.username())
                        || caller.has(Role.VILLAGE_CADRE) && caller.reaches(villageCode),
                "Only the village's council or its cadres commend households");
    }

    /** The household on notice appeals, or a cadre of the village for them. */
    public void appeal(Caller caller, String villageCode, UUID householdId, UUID callersHousehold) {
        register(caller, villageCode, householdId, callersHousehold);
    }

    /** An appeal is decided by the village's council or by a township official over the village. */
    public void decideAppeal(Caller caller, Collection<String> councilUsernames, String villageCode) {
        ModulePermissions.require(councilUsernames.contains(caller.username())
                        || caller.has(Role.TOWNSHIP_OFFICIAL) && caller.reaches(villageCode),
                "Only the village's council or a township official over it decides appeals");
    }

    /** Dashboards: staff who oversee, and the county's apps with the module's scope; aggregates only. */
    @Override
    public void readStatistics(Caller caller) {
        ModulePermissions.require(caller.isThirdPartyApp() && caller.hasModuleScope(CustomsModule.KEY)
                || caller.hasAny(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL), "Your role does not read statistics");
    }
}

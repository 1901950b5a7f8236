package org.wangwu.points;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModulePermissions;
import org.wangwu.points.rules.Rule;

/**
 * Who may do what in the points bank, in one place. The county gate has already matched the token's
 * county; this decides by role, reach and, for the catalogue's rules, by who the county lets record.
 */
@ApplicationScoped
public class PointsPermissions implements ModulePermissions {

    private static final Role[] REVIEWERS = {Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE};
    private static final Role[] STAFF = {Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER};
    /** Who records deeds: staff, and the county's apps (a volunteer-service app, say) under rules that list them. */
    private static final Role[] RECORDERS = {Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE,
            Role.GRID_WORKER, Role.THIRD_PARTY_APP};

    /** The catalogue, leaderboards and supermarkets' goods are open to everyone of the county. */
    public void readCounty(Caller caller) {
        require(caller.isThirdPartyApp() || !caller.roles().isEmpty(), "Only people and apps of the county read this");
    }

    /** A resident applies for themselves, under a rule residents may apply for. */
    public void apply(Caller caller, Rule rule) {
        require(caller.has(Role.RESIDENT), "Only residents apply for points for themselves");
        require(rule.recordableBy(Role.RESIDENT.realmRole()) && !rule.isDeduction(),
                "Residents may not apply under rule " + rule.code() + "; a cadre or grid worker records it");
    }

    /**
     * Staff record a deed (or a deduction) of someone in their reach, under a rule their role may record; a
     * county's app records under a rule whose recorders list {@code third-party-app}, anywhere in the county.
     */
    public void record(Caller caller, Rule rule, String villageCode) {
        boolean roleListed = false;
        for (Role role : RECORDERS) {
            roleListed |= caller.has(role) && rule.recordableBy(role.realmRole());
        }
        require(roleListed, "Your role may not record rule " + rule.code() + " in this county");
        require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
    }

    /** The village reviews; never the person who recorded the deed (four eyes on money-like writes). */
    public void review(Caller caller, String villageCode, String requestedBy) {
        require(caller.hasAny(REVIEWERS), "Only village cadres, township officials and county administrators review");
        require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
        require(!caller.actor().equals(requestedBy), "Whoever recorded or applied for an award does not review it");
    }

    public void settleObjection(Caller caller, String villageCode) {
        require(caller.hasAny(REVIEWERS), "Only village cadres, township officials and county administrators settle objections");
        require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
    }

    /** During disclosure any villager of that village may object. */
    public void object(Caller caller, String villageCode) {
        require(caller.has(Role.RESIDENT) && caller.village().map(villageCode::equals).orElse(false),
                "Only villagers of village " + villageCode + " may object to its awards");
    }

    /**
     * Staff in reach see a village's awards, accounts and statements, and so do the county's apps that it gave
     * the points module (their reach is the county); a clerk never does (see {@link #lookUp}).
     */
    public void readVillage(Caller caller, String villageCode) {
        require(caller.hasAny(STAFF) || caller.isThirdPartyApp(), "Your role does not read other people's points");
        require(caller.reaches(villageCode), "Place " + villageCode + " is outside your reach");
    }

    /**
     * A clerk looks up an account to redeem for it: the holder and balance only, and only of a
     * household the clerk's supermarket serves. Statements, awards and deductions stay with the village.
     */
    public void lookUp(Caller caller, Collection<String> clerks, String placeCode, String accountVillage) {
        require(caller.has(Role.SUPERMARKET_CLERK) && clerks.contains(caller.username()),
                "Only a clerk of this supermarket looks up accounts here");
        require(accountVillage.startsWith(placeCode), "This supermarket does not serve village " + accountVillage);
    }

    public void ownAccount(Caller caller) {
        require(caller.has(Role.RESIDENT), "Only a resident has an own account here");
    }

    /** Corrections are reversing entries, made by reviewers in reach. */
    public void reverse(Caller caller, String villageCode) {
        require(caller.hasAny(REVIEWERS), "Only village cadres, township officials and county administrators correct the ledger");
        require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
    }

    /** A supermarket of a village or township is run by staff who reach that place. */
    public void manageSupermarket(Caller caller, String placeCode) {
        require(caller.hasAny(REVIEWERS), "Only county, township or village staff run love supermarkets");
        require(caller.reaches(placeCode), "Place " + placeCode + " is outside your reach");
    }

    /** A clerk of the supermarket redeems, for an account of a household the supermarket serves. */
    public void redeem(Caller caller, Collection<String> clerks, String placeCode, String accountVillage) {
        require(caller.has(Role.SUPERMARKET_CLERK) && clerks.contains(caller.username()),
                "Only a clerk of this supermarket redeems here");
        require(accountVillage.startsWith(placeCode), "This supermarket does not serve village " + accountVillage);
    }

    /** Dashboards: staff who oversee, and the county's apps, within their reach; figures are aggregates only. */
    @Override
    public void readStatistics(Caller caller) {
        require(caller.isThirdPartyApp() || caller.hasAny(REVIEWERS), "Your role does not read statistics");
        caller.reach().placePrefix();
    }

    private static void require(boolean allowed, String why) {
        ModulePermissions.require(allowed, why);
    }
}

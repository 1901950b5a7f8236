package org.wangwu.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModulePermissions;

/**
 * Who may do what in villagers' consultation, in one place. The village party branch, through the
 * village's cadres, proposes; the cadres keep the village's bodies and the minutes of each meeting
 * (township officials attached to the village may record too); villagers suggest, object and
 * evaluate for their own village; members of the village affairs supervision committee supervise.
 */
@ApplicationScoped
public class ConsultationPermissions implements ModulePermissions {

    private static final Role[] STAFF = {Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER};

    /** County staff in reach, the villagers of the village, and the county's apps granted this module. */
    public void read(Caller caller, String placeCode) {
        boolean staff = caller.hasAny(STAFF) && caller.reaches(placeCode);
        boolean villager = caller.has(Role.RESIDENT) && caller.village().map(placeCode::startsWith).orElse(false)
                && placeCode.length() == 12;
        boolean app = caller.isThirdPartyApp() && caller.hasModuleScope(ConsultationModule.KEY);
        ModulePermissions.require(staff || villager || app, "Place " + placeCode + " is outside your reach");
    }

    /** A household's evaluation: whoever gave it, and county staff in reach (other villagers see the tally only). */
    public void readEvaluation(Caller caller, String villageCode, String evaluatedBy) {
        boolean own = caller.actor().equals(evaluatedBy);
        boolean staff = caller.hasAny(STAFF) && caller.reaches(villageCode);
        ModulePermissions.require(own || staff, "Only whoever gave an evaluation and the staff of " + villageCode
                + " read it; other villagers see the tally");
    }

    /** Villagers suggest matters for their own village. */
    public void suggest(Caller caller, String villageCode) {
        villager(caller, villageCode, "suggest matters");
    }

    /** The village's cadres reply to suggestions, merge them into a matter, or decline them. */
    public void answerSuggestion(Caller caller, String villageCode) {
        cadre(caller, villageCode, "answer suggestions");
    }

    /** A matter is proposed (提议) by the village party branch, entered by the village's cadres. */
    public void propose(Caller caller, String villageCode) {
        cadre(caller, villageCode, "propose matters");
    }

    /** The members of the party branch, the two committees and the supervision committee are kept by the village's cadres. */
    public void keepBodies(Caller caller, String villageCode) {
        cadre(caller, villageCode, "keep the village's bodies");
    }

    /** A meeting's attendance, votes and minutes are recorded by a cadre of the village or a township official in reach. */
    public void recordMeeting(Caller caller, String villageCode) {
        ModulePermissions.require(caller.hasAny(Role.VILLAGE_CADRE, Role.TOWNSHIP_OFFICIAL) && caller.reaches(villageCode),
                "Only a cadre of village " + villageCode + " or a township official in reach records its meetings");
    }

    /** Answering objections, reporting implementation, disclosing the result and closing: the village's cadres. */
    public void runMatter(Caller caller, String villageCode) {
        cadre(caller, villageCode, "carry a matter through disclosure, implementation and closing");
    }

    /** During a disclosure window, villagers of the same village may object. */
    public void object(Caller caller, String villageCode) {
        villager(caller, villageCode, "object to its disclosures");
    }

    /** Supervision (村务监督) of the implementation is for members of the village's supervision committee. */
    public void supervise(Caller caller, String villageCode, boolean onSupervisionCommittee) {
        ModulePermissions.require(caller.has(Role.RESIDENT) && caller.village().map(villageCode::equals).orElse(false)
                        && onSupervisionCommittee,
                "Only members of the village affairs supervision committee of " + villageCode + " supervise its matters");
    }

    /** Villagers of the village evaluate a disclosed result, one evaluation per household. */
    public void evaluate(Caller caller, String villageCode) {
        villager(caller, villageCode, "evaluate its matters");
    }

    /** A resident follows their own suggestions. */
    public void ownSuggestions(Caller caller) {
        ModulePermissions.require(caller.has(Role.RESIDENT), "Only residents have suggestions of their own");
    }

    private static void villager(Caller caller, String villageCode, String what) {
        ModulePermissions.require(caller.has(Role.RESIDENT) && caller.village().map(villageCode::equals).orElse(false),
                "Only villagers of " + villageCode + " " + what);
    }

    private static void cadre(Caller caller, String villageCode, String what) {
        ModulePermissions.require(caller.has(Role.VILLAGE_CADRE) && caller.reaches(villageCode),
                "Only cadres of village " + villageCode + " " + what);
    }
}

package org.wangwu.disputes;

import static org.wangwu.platform.module.ModulePermissions.require;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.wangwu.disputes.cases.CaseFile;
import org.wangwu.disputes.cases.Channel;
import org.wangwu.disputes.cases.DisputeCase;
import org.wangwu.disputes.cases.Level;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.identity.StaffDirectory;
import org.wangwu.platform.module.ModulePermissions;

/**
 * Who may do what with disputes, in one place. The county was checked by the platform's gate; this
 * decides by role, reach and the case's mediators. A case's parties, facts and minutes (its dossier)
 * are for its assigned mediators, the mediators above it in the escalation path and county
 * administrators only; everyone else who works the case sees its summary.
 */
@ApplicationScoped
public class DisputesPermissions implements ModulePermissions {

    /** A mediator's level follows their reach claims: a village claim is village level, a township claim alone township level, none county. */
    public static Level mediatorLevel(Caller caller) {
        if (caller.village().isPresent()) {
            return Level.VILLAGE;
        }
        return caller.township().isPresent() ? Level.TOWNSHIP : Level.COUNTY;
    }

    /** Who files through which channel: residents for themselves online, grid workers from the field, staff the rest. */
    public void file(Caller caller, Channel channel, String villageCode) {
        switch (channel) {
            case ONLINE -> require(caller.has(Role.RESIDENT), "Only a resident files online, for themself");
            case GRID -> require(caller.has(Role.GRID_WORKER), "Only a grid worker reports from the grid");
            default -> require(caller.hasAny(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE,
                    Role.MEDIATOR) || caller.isThirdPartyApp(), "Your role does not take in disputes through " + channel);
        }
        if (!caller.isThirdPartyApp()) {
            require(caller.reaches(villageCode), "Village " + villageCode + " is outside your reach");
        }
    }

    /** The summary (place, category, level, state, deadline, mediators): people who work the case or filed it. */
    public boolean seesSummary(Caller caller, CaseFile file) {
        DisputeCase c = file.dispute();
        if (seesDossier(caller, file) || caller.isThirdPartyApp()) {
            return true;
        }
        if (caller.hasAny(Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.MEDIATOR) && caller.reaches(c.villageCode)) {
            return true;
        }
        return c.reportedBy.equals(caller.username());
    }

    public void readSummary(Caller caller, CaseFile file) {
        if (!seesSummary(caller, file)) {
            throw ProblemException.notFound("Dispute case", file.dispute().id);
        }
    }

    /** Parties, facts, minutes, attachments and the agreement. */
    public boolean seesDossier(Caller caller, CaseFile file) {
        if (caller.has(Role.COUNTY_ADMIN)) {
            return true;
        }
        if (!caller.has(Role.MEDIATOR)) {
            return false;
        }
        return file.isAssigned(caller.username()) || isAboveInEscalationPath(caller, file.dispute());
    }

    /** Township mediators of the case's township see its village cases; county mediators see village and township cases. */
    static boolean isAboveInEscalationPath(Caller caller, DisputeCase c) {
        Level own = mediatorLevel(caller);
        Level at = c.level == null ? Level.VILLAGE : c.level;
        if (!own.isAbove(at)) {
            return false;
        }
        return own == Level.COUNTY || caller.township().map(c.townshipCode::equals).orElse(false);
    }

    public void readDossier(Caller caller, CaseFile file) {
        readSummary(caller, file);
        require(seesDossier(caller, file), "A case's parties and minutes are for its mediators and county administrators");
    }

    /** Unmasked ID numbers and phones: as the dossier; every read is audited. */
    public void readPersonalData(Caller caller, CaseFile file) {
        readDossier(caller, file);
    }

    public void attach(Caller caller, CaseFile file) {
        readSummary(caller, file);
        require(seesDossier(caller, file) || file.dispute().reportedBy.equals(caller.username()),
                "Only the case's mediators, its reporter and county administrators add evidence");
    }

    /** Triage (分流): county administrators, and township officials for their township's cases. */
    public void triage(Caller caller, CaseFile file) {
        readSummary(caller, file);
        require(caller.has(Role.COUNTY_ADMIN)
                        || caller.has(Role.TOWNSHIP_OFFICIAL) && caller.reaches(file.dispute().townshipCode),
                "Only the township or the county triages a case");
    }

    /**
     * Whom a case may be given to: a mediator (in Keycloak) of the case's county, on the committee of
     * the case's level and place. A mediator's level is their reach: a village, a township, or none
     * below the county (the county's centre).
     */
    public void assignable(String username, StaffDirectory.StaffMember member, DisputeCase c) {
        if (member == null || !member.has(Role.MEDIATOR)) {
            throw ProblemException.invalidField("mediators", username + " is not a mediator of this county");
        }
        Level level = member.village().isPresent() ? Level.VILLAGE
                : member.township().isPresent() ? Level.TOWNSHIP : Level.COUNTY;
        boolean samePlace = switch (c.level) {
            case VILLAGE -> member.village().map(c.villageCode::equals).orElse(false);
            case TOWNSHIP -> member.township().map(c.townshipCode::equals).orElse(false);
            case COUNTY -> true;
        };
        if (level != c.level || !samePlace) {
            throw ProblemException.invalidField("mediators", username + " mediates at " + level
                    + member.village().or(member::township).map(p -> " " + p).orElse("")
                    + ", not at this case's " + c.level + " " + c.placeCode());
        }
    }

    /** Assigning mediators: whoever runs the level the case is at. */
    public void assign(Caller caller, CaseFile file) {
        readSummary(caller, file);
        DisputeCase c = file.dispute();
        // A case not yet triaged has no level: it is the triaging officials' (the state machine then refuses).
        Level level = c.level == null ? Level.TOWNSHIP : c.level;
        boolean allowed = caller.has(Role.COUNTY_ADMIN)
                || level != Level.COUNTY && caller.has(Role.TOWNSHIP_OFFICIAL) && caller.reaches(c.townshipCode)
                || level == Level.VILLAGE && caller.has(Role.VILLAGE_CADRE) && caller.reaches(c.villageCode);
        require(allowed, "Mediators of a " + level + " case are assigned by "
                + switch (level) {
                    case VILLAGE -> "the village, the township or the county";
                    case TOWNSHIP -> "the township or the county";
                    case COUNTY -> "the county";
                });
    }

    /** Sessions and outcomes: the case's assigned mediators at its current level. */
    public void mediate(Caller caller, CaseFile file) {
        readSummary(caller, file);
        require(caller.has(Role.MEDIATOR) && file.isAssigned(caller.username()),
                "Only the mediators assigned to this case mediate it");
    }

    /** Referral out and judicial confirmation: the assigned mediators or a county administrator. */
    public void decideOutcome(Caller caller, CaseFile file) {
        readSummary(caller, file);
        require(caller.has(Role.COUNTY_ADMIN) || caller.has(Role.MEDIATOR) && file.isAssigned(caller.username()),
                "Only the case's mediators or a county administrator record this");
    }

    /** Follow-up visit (回访): the case's mediators, the township for its cases, or the county. */
    public void followUp(Caller caller, CaseFile file) {
        readSummary(caller, file);
        require(caller.has(Role.COUNTY_ADMIN) || caller.has(Role.MEDIATOR) && file.isAssigned(caller.username())
                        || caller.has(Role.TOWNSHIP_OFFICIAL) && caller.reaches(file.dispute().townshipCode),
                "Only the case's mediators, its township or the county make the follow-up visit");
    }

    /** Which cases a caller's lists show: one of village, township or reporter, or none of them for the whole county. */
    public record ListScope(String villageCode, String townshipCode, String reportedBy) {
    }

    /** County-wide for the county and its apps; staff their reach; residents and grid workers what they filed. */
    public ListScope listScope(Caller caller) {
        require(!caller.roles().isEmpty(), "Your account has no role in this county");
        if (caller.has(Role.COUNTY_ADMIN) || caller.isThirdPartyApp()) {
            return new ListScope(null, null, null);
        }
        if (caller.hasAny(Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.MEDIATOR)) {
            return new ListScope(caller.village().orElse(null),
                    caller.village().isPresent() ? null : caller.township().orElse(null), null);
        }
        return new ListScope(null, null, caller.actor());
    }

    public void mediatorWorkbench(Caller caller) {
        require(caller.has(Role.MEDIATOR), "The mediator's workbench is for mediators");
    }

    /** Oversight: the township official of their township, the county of all; empty means county-wide. */
    public Optional<String> oversight(Caller caller) {
        require(caller.hasAny(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL), "Oversight is for the township and the county");
        return townshipOf(caller);
    }

    @Override
    public void readStatistics(Caller caller) {
        require(caller.hasAny(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL) || caller.isThirdPartyApp(),
                "Statistics are for the township, the county and the county's apps");
    }

    @Override
    public void runJobs(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator runs the module's jobs");
    }

    /** A township official sees their township, and must have one; the county and its apps see all of it. */
    private static Optional<String> townshipOf(Caller caller) {
        if (caller.has(Role.COUNTY_ADMIN) || caller.isThirdPartyApp()) {
            return Optional.empty();
        }
        require(caller.township().isPresent(), "Your account names no township");
        return caller.township();
    }
}

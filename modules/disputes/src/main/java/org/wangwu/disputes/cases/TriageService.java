package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.disputes.cases.CaseRequests.AssignMediators;
import org.wangwu.disputes.cases.CaseRequests.Triage;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.StaffDirectory;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/** Triage (分流) decides category, risk and level; assignment gives the case its mediators and deadline. */
@ApplicationScoped
public class TriageService {

    @Inject
    DisputesPermissions permissions;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    Escalations escalations;

    @Inject
    StaffDirectory staff;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<CaseSummary> triage(Mutiny.Session session, CountyCode county, Caller caller, UUID id, Triage in) {
        return files.load(session, id).chain(file -> {
            permissions.triage(caller, file);
            return files.rules(session).chain(rules -> triage(session, county, caller, file, rules, in));
        });
    }

    private Uni<CaseSummary> triage(Mutiny.Session session, CountyCode county, Caller caller, CaseFile file,
                                    DisputesRules rules, Triage in) {
        if (!rules.isCategory(in.category())) {
            throw ProblemException.invalidField("category", "must be one of " + rules.categories());
        }
        if (!rules.isRisk(in.risk())) {
            throw ProblemException.invalidField("risk", "must be one of " + rules.risks());
        }
        if (!rules.inUse(in.level())) {
            throw ProblemException.invalidField("level", "must be a level the county uses: " + rules.levels());
        }
        DisputeCase c = file.dispute();
        // High risk goes to the top level at once; triaged there already, there is nothing to escalate.
        boolean atOnce = rules.escalatesAtOnce(in.risk()) && in.level() != rules.highest();
        CaseState from = c.state;
        from.requireMove(atOnce ? CaseState.ESCALATED : CaseState.TRIAGED, "be triaged");
        String previousCategory = c.category;
        c.category = in.category();
        c.risk = in.risk();
        c.level = in.level();
        Map<String, Object> detail = new LinkedHashMap<>(Map.of("category", c.category, "risk", c.risk,
                "level", in.level().name()));
        if (atOnce) {
            detail.put("escalatedTo", rules.highest().name());
        }
        if (!atOnce) {
            c.state = CaseState.TRIAGED;
            CasePath.Change triaged = CasePath.Change.of(c, from, "triaged", in.note())
                    .audited("disputes.case-triaged", detail);
            return path.record(session, county, caller, categorised(triaged, c, previousCategory))
                    .replaceWith(() -> CaseSummary.of(c, file.assignments()));
        }
        // The triage is audited; the path shows the escalation it caused.
        CasePath.Change escalated = escalations.escalation(file, rules.highest(), "high-risk", in.note());
        return audit.record(session, county, caller, "disputes.case-triaged", CasePath.OWNER_TYPE, c.id, detail)
                .chain(() -> path.record(session, county, caller, categorised(escalated, c, previousCategory)))
                .replaceWith(() -> CaseSummary.of(c, file.assignments()));
    }

    /** A case counts under its category on the day it came in, so a category decided later moves it there. */
    private static CasePath.Change categorised(CasePath.Change change, DisputeCase c, String previousCategory) {
        if (Objects.equals(previousCategory, c.category)) {
            return change;
        }
        LocalDate receivedOn = LocalDate.ofInstant(c.receivedAt, PlatformClock.ZONE);
        return change.countsOn(receivedOn, DisputeFacts.RECEIVED_BY_CATEGORY, previousCategory, -1)
                .countsOn(receivedOn, DisputeFacts.RECEIVED_BY_CATEGORY, c.category, 1);
    }

    public Uni<CaseSummary> assign(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                   AssignMediators in) {
        return files.load(session, id).chain(file -> {
            permissions.assign(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.ASSIGNED, "have mediators assigned");
            Uni<Void> checked = Uni.createFrom().voidItem();
            for (String username : new LinkedHashSet<>(in.mediators())) {
                checked = checked.chain(() -> staff.find(county, username)
                        .invoke(member -> permissions.assignable(username, member, c)).replaceWithVoid());
            }
            return checked.chain(() -> files.rules(session)).chain(rules -> {
                Instant now = clock.now();
                List<Assignment> all = new ArrayList<>(file.assignments());
                file.standDown(now);
                List<Assignment> added = new ArrayList<>();
                for (String username : new LinkedHashSet<>(in.mediators())) {
                    added.add(assignment(c, username, caller, now));
                }
                all.addAll(added);
                if (from != CaseState.ASSIGNED) {
                    c.deadline = clock.today().plusDays(rules.deadlineDays(c.level));
                    c.overdue = false;
                }
                c.state = CaseState.ASSIGNED;
                return session.persistAll(added.toArray())
                        .chain(() -> path.record(session, county, caller, CasePath.Change.of(c, from, "assigned",
                                        String.join(", ", in.mediators()))
                                .audited("disputes.mediators-assigned", Map.of("mediators", in.mediators(),
                                        "level", c.level.name(), "deadline", c.deadline.toString()))))
                        .replaceWith(() -> CaseSummary.of(c, all));
            });
        });
    }

    /** An active assignment of a mediator at the case's level and place. */
    public static Assignment assignment(DisputeCase c, String username, Caller by, Instant at) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.tenantId = c.tenantId;
        a.caseId = c.id;
        a.mediatorUsername = username;
        a.level = c.level;
        a.placeCode = c.placeCode();
        a.assignedBy = by.actor();
        a.assignedAt = at;
        a.active = true;
        return a;
    }
}

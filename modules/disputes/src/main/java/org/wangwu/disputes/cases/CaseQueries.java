package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.cases.CaseViews.MediatorWorkbench;
import org.wangwu.disputes.cases.CaseViews.Oversight;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Page;

/** Lists of cases: the county's list by reach, a mediator's workbench, a township's or county's oversight. */
@ApplicationScoped
public class CaseQueries {

    private static final Set<CaseState> AWAITING_FOLLOW_UP = EnumSet.of(CaseState.AGREED, CaseState.CONFIRMED,
            CaseState.REFERRED_OUT);
    private static final int WORKBENCH_LIMIT = 200;

    @Inject
    DisputesPermissions permissions;

    @Inject
    CaseService cases;

    @Inject
    PlatformClock clock;

    /** Summaries, newest first: staff see their reach, residents and grid workers what they filed. */
    public Uni<Page<CaseSummary>> list(Mutiny.Session session, Caller caller, CaseState state, Level level,
                                       String cursor, int limit) {
        permissions.list(caller);
        StringBuilder hql = new StringBuilder("from DisputeCase c where 1 = 1");
        String reachClause = reach(caller);
        hql.append(reachClause);
        if (state != null) hql.append(" and c.state = :state");
        if (level != null) hql.append(" and c.level = :level");
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            String[] parts = cursor.split("~", 2);
            try {
                afterAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
            }
            hql.append(" and (c.receivedAt < :afterAt or (c.receivedAt = :afterAt and c.id < :afterId))");
        }
        hql.append(" order by c.receivedAt desc, c.id desc");
        var q = session.createSelectionQuery(hql.toString(), DisputeCase.class).setMaxResults(limit + 1);
        bindReach(q, caller, reachClause);
        if (state != null) q.setParameter("state", state);
        if (level != null) q.setParameter("level", level);
        if (afterAt != null) {
            q.setParameter("afterAt", afterAt).setParameter("afterId", afterId);
        }
        return q.getResultList().chain(rows -> cases.summaries(session, rows,
                        file -> CaseSummary.of(file.dispute(), file.assignments()))
                .map(views -> Page.of(views, limit, v -> v, v -> v.receivedAt() + "~" + v.id())));
    }

    private static String reach(Caller caller) {
        if (caller.has(Role.COUNTY_ADMIN) || caller.isThirdPartyApp()) {
            return "";
        }
        if (caller.hasAny(Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.MEDIATOR)) {
            if (caller.village().isPresent()) return " and c.villageCode = :place";
            if (caller.township().isPresent()) return " and c.townshipCode = :place";
            return "";
        }
        return " and c.reportedBy = :me";
    }

    private static void bindReach(org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<DisputeCase> q, Caller caller,
                                  String clause) {
        if (clause.contains(":place")) {
            q.setParameter("place", caller.village().orElseGet(() -> caller.township().orElseThrow()));
        } else if (clause.contains(":me")) {
            q.setParameter("me", caller.actor());
        }
    }

    /** A mediator's cases: all open ones, those due soon, those overdue, and follow-ups due. */
    public Uni<MediatorWorkbench> mediatorWorkbench(Mutiny.Session session, Caller caller, int dueSoonDays) {
        permissions.mediatorWorkbench(caller);
        LocalDate today = clock.today();
        return session.createSelectionQuery("""
                        from DisputeCase c where c.state <> :closed and exists (from Assignment a
                        where a.caseId = c.id and a.mediatorUsername = :me and a.active = true)
                        order by c.deadline nulls last, c.receivedAt""", DisputeCase.class)
                .setParameter("closed", CaseState.CLOSED).setParameter("me", caller.username())
                .setMaxResults(WORKBENCH_LIMIT).getResultList()
                .chain(rows -> cases.summaries(session, rows, f -> CaseSummary.of(f.dispute(), f.assignments())))
                .map(mine -> new MediatorWorkbench(mine,
                        mine.stream().filter(c -> CaseState.UNDER_DEADLINE.contains(c.state()) && c.deadline() != null
                                && !c.deadline().isBefore(today) && !c.deadline().isAfter(today.plusDays(dueSoonDays)))
                                .toList(),
                        mine.stream().filter(c -> isOverdue(c, today)).toList(),
                        mine.stream().filter(c -> followUpDue(c, today)).toList()));
    }

    /** What the township (its own cases) or the county (all) watches: unassigned, overdue, follow-ups, load by level. */
    public Uni<Oversight> oversight(Mutiny.Session session, Caller caller, Level level) {
        permissions.oversight(caller);
        LocalDate today = clock.today();
        boolean township = !caller.has(Role.COUNTY_ADMIN);
        String hql = "from DisputeCase c where c.state <> :closed"
                + (township ? " and c.townshipCode = :township" : "")
                + (level != null ? " and c.level = :level" : "")
                + " order by c.receivedAt";
        var q = session.createSelectionQuery(hql, DisputeCase.class).setParameter("closed", CaseState.CLOSED);
        if (township) {
            q.setParameter("township", caller.township().orElseThrow(() -> ProblemException.forbidden(
                    "not-permitted", "Your account names no township")));
        }
        if (level != null) {
            q.setParameter("level", level);
        }
        return q.getResultList()
                .chain(rows -> cases.summaries(session, rows, f -> CaseSummary.of(f.dispute(), f.assignments())))
                .map(open -> {
                    Map<Level, Long> byLevel = new EnumMap<>(Level.class);
                    for (Level l : Level.values()) {
                        byLevel.put(l, open.stream().filter(c -> c.level() == l).count());
                    }
                    List<CaseSummary> unassigned = open.stream()
                            .filter(c -> CaseState.UNASSIGNED.contains(c.state())).toList();
                    return new Oversight(unassigned, open.stream().filter(c -> isOverdue(c, today)).toList(),
                            open.stream().filter(c -> followUpDue(c, today)).toList(), byLevel);
                });
    }

    private static boolean isOverdue(CaseSummary c, LocalDate today) {
        return c.overdue() || CaseState.UNDER_DEADLINE.contains(c.state()) && c.deadline() != null
                && c.deadline().isBefore(today);
    }

    private static boolean followUpDue(CaseSummary c, LocalDate today) {
        return AWAITING_FOLLOW_UP.contains(c.state()) && c.followUpDueOn() != null && !c.followUpDueOn().isAfter(today);
    }
}

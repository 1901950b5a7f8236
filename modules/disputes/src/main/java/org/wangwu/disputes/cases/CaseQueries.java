package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.cases.CaseViews.MediatorWorkbench;
import org.wangwu.disputes.cases.CaseViews.Oversight;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Cursor;
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
    CaseFiles files;

    @Inject
    PlatformClock clock;

    /** Summaries, newest first: staff see their reach, residents and grid workers what they filed. */
    public Uni<Page<CaseSummary>> list(Mutiny.Session session, Caller caller, CaseState state, Level level,
                                       String cursor, int limit) {
        DisputesPermissions.ListScope scope = permissions.listScope(caller);
        Cursor after = Cursor.parse(cursor);
        String hql = "from DisputeCase c where 1 = 1"
                + (scope.villageCode() != null ? " and c.villageCode = :village" : "")
                + (scope.townshipCode() != null ? " and c.townshipCode = :township" : "")
                + (scope.reportedBy() != null ? " and c.reportedBy = :me" : "")
                + (state != null ? " and c.state = :state" : "")
                + (level != null ? " and c.level = :level" : "")
                + (after != null ? Cursor.after("c.receivedAt", "c.id") : "")
                + " order by c.receivedAt desc, c.id desc";
        var q = session.createSelectionQuery(hql, DisputeCase.class).setMaxResults(limit + 1);
        if (scope.villageCode() != null) q.setParameter("village", scope.villageCode());
        if (scope.townshipCode() != null) q.setParameter("township", scope.townshipCode());
        if (scope.reportedBy() != null) q.setParameter("me", scope.reportedBy());
        if (state != null) q.setParameter("state", state);
        if (level != null) q.setParameter("level", level);
        if (after != null) q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
        return q.getResultList().chain(rows -> files.summaries(session, rows,
                        file -> CaseSummary.of(file.dispute(), file.assignments()))
                .map(views -> Page.of(views, limit, v -> v, v -> Cursor.of(v.receivedAt(), v.id()))));
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
                .chain(rows -> files.summaries(session, rows, f -> CaseSummary.of(f.dispute(), f.assignments())))
                .map(mine -> new MediatorWorkbench(mine,
                        mine.stream().filter(c -> CaseState.UNDER_DEADLINE.contains(c.state()) && c.deadline() != null
                                && !c.deadline().isBefore(today) && !c.deadline().isAfter(today.plusDays(dueSoonDays)))
                                .toList(),
                        mine.stream().filter(c -> isOverdue(c, today)).toList(),
                        mine.stream().filter(c -> followUpDue(c, today)).toList()));
    }

    /** What the township (its own cases) or the county (all) watches: unassigned, overdue, follow-ups, load by level. */
    public Uni<Oversight> oversight(Mutiny.Session session, Caller caller, Level level) {
        Optional<String> township = permissions.oversight(caller);
        LocalDate today = clock.today();
        String hql = "from DisputeCase c where c.state <> :closed"
                + (township.isPresent() ? " and c.townshipCode = :township" : "")
                + (level != null ? " and c.level = :level" : "")
                + " order by c.receivedAt";
        var q = session.createSelectionQuery(hql, DisputeCase.class).setParameter("closed", CaseState.CLOSED);
        township.ifPresent(code -> q.setParameter("township", code));
        if (level != null) {
            q.setParameter("level", level);
        }
        return q.getResultList()
                .chain(rows -> files.summaries(session, rows, f -> CaseSummary.of(f.dispute(), f.assignments())))
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

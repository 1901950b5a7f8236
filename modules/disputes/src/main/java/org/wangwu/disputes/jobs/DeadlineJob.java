package org.wangwu.disputes.jobs;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.disputes.cases.Assignment;
import org.wangwu.disputes.cases.CaseFile;
import org.wangwu.disputes.cases.CaseFiles;
import org.wangwu.disputes.cases.CasePath;
import org.wangwu.disputes.cases.Escalations;
import org.wangwu.disputes.cases.CaseState;
import org.wangwu.disputes.cases.DisputeCase;
import org.wangwu.disputes.cases.Level;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * Keeps deadlines honest, per county: a case past its level's deadline is marked overdue and, where
 * the county says so, escalated to the next level; parties are reminded before the window for
 * judicial confirmation closes. A case is marked and escalated once: running the job twice changes
 * nothing the second time.
 */
@ApplicationScoped
public class DeadlineJob {

    public static final String NAME = "disputes-deadlines";
    public static final String KEY = "deadlines";

    /** What one run did in one county. */
    public record Run(String county, LocalDate today, int markedOverdue, int escalated, int judicialReminders) {
    }

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleService modules;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    Escalations escalations;

    @Inject
    PlatformClock clock;

    /** The job as the descriptor declares it: what one county's run processed. */
    public Uni<Integer> work(CountyCode county) {
        return run(county).map(r -> r.markedOverdue() + r.judicialReminders());
    }

    /** One county's run, in one unit of work; public so that an administrator (or a test) can run it now. */
    public Uni<Run> run(CountyCode county) {
        Caller system = Caller.system(NAME, county);
        LocalDate today = clock.today();
        return tx.inCounty(county, session -> modules.isEnabled(session, DisputesModule.KEY).chain(enabled -> {
            if (!enabled) {
                return Uni.createFrom().item(new Run(county.value(), today, 0, 0, 0));
            }
            return files.rules(session).chain(rules -> overdue(session, county, system, rules, today)
                    .chain(counts -> reminders(session, county, rules, today)
                            .map(reminded -> new Run(county.value(), today, counts[0], counts[1], reminded))));
        }));
    }

    private Uni<int[]> overdue(Mutiny.Session session, CountyCode county, Caller system, DisputesRules rules,
                               LocalDate today) {
        return session.createSelectionQuery("""
                        from DisputeCase where state in :states and deadline < :today and overdue = false
                        order by deadline""", DisputeCase.class)
                .setParameter("states", CaseState.UNDER_DEADLINE).setParameter("today", today)
                .getResultList().chain(found -> {
                    int[] counts = new int[2];
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (DisputeCase c : found) {
                        chain = chain.chain(() -> markOverdue(session, county, system, rules, c, counts));
                    }
                    return chain.replaceWith(counts);
                });
    }

    private Uni<Void> markOverdue(Mutiny.Session session, CountyCode county, Caller system, DisputesRules rules,
                                  DisputeCase c, int[] counts) {
        c.overdue = true;
        c.everOverdue = true;
        counts[0]++;
        Uni<Void> marked = path.record(session, county, system, CasePath.Change.of(c, c.state, "marked-overdue",
                        "deadline " + c.deadline)
                .audited("disputes.case-overdue", Map.of("deadline", c.deadline.toString(), "level", c.level.name()))
                .counts(DisputeFacts.OVERDUE, c.level.name(), 1));
        Optional<Level> next = rules.escalateWhenOverdue() ? rules.above(c.level) : Optional.empty();
        if (next.isEmpty()) {
            return marked;
        }
        counts[1]++;
        return marked.chain(() -> session.createSelectionQuery("from Assignment where caseId = :id", Assignment.class)
                        .setParameter("id", c.id).getResultList())
                .chain(assignments -> escalations.escalate(session, county, system, new CaseFile(c, assignments),
                        next.get(), "overdue", "deadline " + c.deadline))
                .replaceWithVoid();
    }

    /** Reminds once per agreement, when the window for judicial confirmation is about to close. */
    private Uni<Integer> reminders(Mutiny.Session session, CountyCode county, DisputesRules rules, LocalDate today) {
        return session.createSelectionQuery("""
                        from DisputeCase where state = :agreed and judicialReminded = false
                        and judicialDeadline >= :today and judicialDeadline <= :soon""", DisputeCase.class)
                .setParameter("agreed", CaseState.AGREED).setParameter("today", today)
                .setParameter("soon", today.plusDays(rules.judicialReminderDays()))
                .getResultList().chain(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (DisputeCase c : found) {
                        c.judicialReminded = true;
                        chain = chain.chain(() -> path.publish(session, county,
                                DisputesModule.EVENT_JUDICIAL_WINDOW_CLOSING, c,
                                Map.of("windowClosesOn", c.judicialDeadline.toString())));
                    }
                    return chain.replaceWith(found.size());
                });
    }
}

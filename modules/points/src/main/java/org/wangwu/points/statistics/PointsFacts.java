package org.wangwu.points.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.fact.DailyFacts;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.points.PointsModule;
import org.wangwu.points.ledger.LedgerEntry;
import org.wangwu.points.ledger.LedgerEntry.Kind;
import org.wangwu.points.ledger.PointsAccount;

/**
 * The module's daily facts, recorded by the ledger in the transaction of each entry (so a change and
 * its facts commit together), and recounted from the ledger itself. Per village; awards and
 * deductions also per rule category. Dashboards derive the module's statistics from these alone.
 */
@ApplicationScoped
public class PointsFacts {

    public static final String ISSUED = "points-issued";
    public static final String DEDUCTED = "points-deducted";
    public static final String REDEEMED = "points-redeemed";
    public static final String EXPIRED = "points-expired";
    public static final String REVERSED = "points-reversed";
    /** Accounts with an award or a redemption in the month, counted on the day of their first one. */
    public static final String ACTIVE = "accounts-active";
    public static final String OPEN = "accounts-open";

    @Inject
    DailyFacts facts;

    /**
     * What one ledger entry adds, as parts of {@code write}: its points under its kind, and an active account
     * the first time in a month (no earlier award or redemption of the account that month).
     */
    public void entry(CombinedWrite write, PointsAccount account, LedgerEntry e, String category) {
        CountyCode county = CountyCode.of(account.tenantId);
        String fact = switch (e.kind) {
            case AWARD -> ISSUED;
            case DEDUCTION -> DEDUCTED;
            case REDEMPTION -> REDEEMED;
            case EXPIRY -> EXPIRED;
            case REVERSAL -> REVERSED;
        };
        boolean byCategory = e.kind == Kind.AWARD || e.kind == Kind.DEDUCTION;
        long amount = e.kind == Kind.REVERSAL ? e.points : Math.abs(e.points);
        facts.record(write, county, PointsModule.KEY, fact, e.bookedOn, account.villageCode,
                byCategory ? category : null, BigDecimal.valueOf(amount), null);
        if (e.kind != Kind.AWARD && e.kind != Kind.REDEMPTION) {
            return;
        }
        // Counted on the account's first day in the month: where an entry already stands on a later day of the month
        // (booked by a node whose clock ran ahead), the count moves from the earliest such day to this one.
        String others = "from points_ledger_entry x where x.tenant_id = " + write.bind(account.tenantId)
                + " and x.account_id = " + write.bind(account.id) + " and x.kind in ('AWARD', 'REDEMPTION') and x.id <> "
                + write.bind(e.id) + " and x.booked_on ";
        String noneBefore = "not exists (select 1 " + others + "between " + write.bind(e.bookedOn.withDayOfMonth(1))
                + " and " + write.bind(e.bookedOn) + ")";
        facts.record(write, county, PointsModule.KEY, ACTIVE, e.bookedOn, account.villageCode, null,
                BigDecimal.ONE, noneBefore);
        facts.recordOn(write, county, PointsModule.KEY, ACTIVE, "min(x.booked_on)", " " + others + "> "
                        + write.bind(e.bookedOn) + " and x.booked_on < " + write.bind(e.bookedOn.withDayOfMonth(1).plusMonths(1))
                        + " and " + noneBefore + " having count(*) > 0",
                account.villageCode, null, BigDecimal.ONE.negate());
    }

    /**
     * The open-accounts level of each village on each day an account was opened there: accounts opened that
     * day or before. The recount reads all of it; an opening re-records its village from its day on.
     */
    private static final String OPEN_LEVELS = """
            select d.village_code, d.day, (select count(*) from points_account b
                where b.tenant_id = :county and b.village_code = d.village_code
                  and cast(b.created_at at time zone 'Asia/Shanghai' as date) <= d.day) as open
            from (select distinct village_code, cast(created_at at time zone 'Asia/Shanghai' as date) as day
                  from points_account where tenant_id = :county) d""";

    /**
     * Accounts open in a village, after one was opened there on {@code day}: that day's level and, where a
     * clock ran ahead (another node's), the levels of later days already recorded, which now count it too.
     */
    public Uni<Void> accountOpened(Mutiny.Session s, CountyCode county, String villageCode, LocalDate day) {
        return s.createNativeQuery("select l.day, l.open from (" + OPEN_LEVELS + ") l where l.village_code = :v"
                        + " and l.day >= :day", Object[].class)
                .setParameter("county", county.value()).setParameter("v", villageCode).setParameter("day", day)
                .getResultList()
                .chain(levels -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] level : levels) {
                        chain = chain.chain(() -> facts.record(s, county, PointsModule.KEY, OPEN, (LocalDate) level[0],
                                villageCode, ((Number) level[1]).longValue()));
                    }
                    return chain;
                });
    }

    /** The same facts, recomputed from the ledger and the accounts (the module's recount). */
    public Uni<List<FactValue>> recount(Mutiny.Session s, CountyCode county) {
        return s.createNativeQuery("""
                        select case e.kind when 'AWARD' then 'points-issued' when 'DEDUCTION' then 'points-deducted'
                                 when 'REDEMPTION' then 'points-redeemed' when 'EXPIRY' then 'points-expired'
                                 else 'points-reversed' end,
                               e.booked_on, a.village_code,
                               case when e.kind in ('AWARD', 'DEDUCTION') then w.category else '' end,
                               sum(case when e.kind = 'REVERSAL' then e.points else abs(e.points) end)
                        from points_ledger_entry e
                        join points_account a on a.tenant_id = e.tenant_id and a.id = e.account_id
                        left join points_award w on w.tenant_id = e.tenant_id and w.id = e.award_id
                        where e.tenant_id = :county group by 1, 2, 3, 4
                        union all
                        select 'accounts-active', first_day, village_code, '', count(*) from (
                          select min(e.booked_on) as first_day, a.village_code
                          from points_ledger_entry e
                          join points_account a on a.tenant_id = e.tenant_id and a.id = e.account_id
                          where e.tenant_id = :county and e.kind in ('AWARD', 'REDEMPTION')
                          group by e.account_id, a.village_code, date_trunc('month', e.booked_on)) firsts
                        group by 2, 3
                        union all
                        select 'accounts-open', l.day, l.village_code, '', l.open from (""" + OPEN_LEVELS + ") l",
                        Object[].class)
                .setParameter("county", county.value()).getResultList()
                .map(rows -> rows.stream().map(r -> new FactValue((String) r[0], (LocalDate) r[1], (String) r[2],
                        (String) r[3], new BigDecimal(r[4].toString()))).toList());
    }
}

package org.wangwu.points.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.points.rules.PointsPolicy;

/** Aggregates over the ledger: leaderboards and monthly figures. Only counts and sums leave here. */
@ApplicationScoped
public class Reports {

    @Inject
    PlaceDirectory places;

    /** Days from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Period(LocalDate from, LocalDate to) {
        static Period parse(String period) {
            if (period == null) {
                return new Period(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
            }
            try {
                if (period.length() == 4) {
                    LocalDate start = LocalDate.of(Integer.parseInt(period), 1, 1);
                    return new Period(start, start.plusYears(1));
                }
                YearMonth month = YearMonth.parse(period);
                return new Period(month.atDay(1), month.plusMonths(1).atDay(1));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("period", "must be a year (2025) or a month (2025-03)");
            }
        }

        static Period months(String from, String to) {
            try {
                YearMonth first = from == null ? YearMonth.of(1, 1) : YearMonth.parse(from);
                YearMonth last = to == null ? YearMonth.of(9999, 11) : YearMonth.parse(to);
                if (last.isBefore(first)) {
                    throw ProblemException.invalidField("to", "must not be before from");
                }
                return new Period(first.atDay(1), last.plusMonths(1).atDay(1));
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalidField("from", "and to must be months such as 2025-03");
            }
        }
    }

    /** One place on a leaderboard. */
    public record LeaderboardLine(int rank, UUID accountId, String villageCode, String name, long points) {
    }

    /** A village's month. */
    public record MonthlyFigures(String month, String villageCode, long issued, long redeemed, long expired,
                                 long activeHouseholds, long households, double activeShare) {
    }

    public Uni<List<LeaderboardLine>> leaderboard(Mutiny.Session s, CountyCode county, PointsPolicy policy, String place,
                                                  Period period, int limit) {
        return s.createNativeQuery("""
                        select a.id, a.village_code, a.holder_name, cast(sum(x.points) as bigint) as score
                        from points_account a join (
                            select account_id, points from points_ledger_entry
                            where tenant_id = :county and kind in ('AWARD', 'DEDUCTION', 'REVERSAL')
                              and booked_on >= :from and booked_on < :to
                            union all
                            select account_id, -expired from points_lot
                            where tenant_id = :county and expired > 0
                              and cast(earned_at at time zone 'Asia/Shanghai' as date) >= :from
                              and cast(earned_at at time zone 'Asia/Shanghai' as date) < :to
                        ) x on x.account_id = a.id
                        where a.tenant_id = :county and a.village_code like :place
                        group by a.id, a.village_code, a.holder_name
                        having sum(x.points) > 0
                        order by score desc, a.holder_name, a.id
                        limit :limit""", Object[].class)
                .setParameter("county", county.value()).setParameter("from", period.from())
                .setParameter("to", period.to()).setParameter("place", place + "%").setParameter("limit", limit)
                .getResultList()
                .map(rows -> {
                    List<LeaderboardLine> lines = new java.util.ArrayList<>();
                    for (Object[] row : rows) {
                        lines.add(new LeaderboardLine(lines.size() + 1, (UUID) row[0], (String) row[1],
                                policy.publicName((String) row[2]), ((Number) row[3]).longValue()));
                    }
                    return lines;
                });
    }

    public Uni<List<MonthlyFigures>> monthly(Mutiny.Session s, CountyCode county, String place, Period period) {
        return places.householdCountsByVillage(s).chain(counts -> {
            Map<String, Long> households = new HashMap<>();
            counts.forEach(row -> households.put((String) row[0], ((Number) row[1]).longValue()));
            return s.createNativeQuery("""
                            select to_char(e.booked_on, 'YYYY-MM') as month, a.village_code,
                              cast(coalesce(sum(case when e.kind = 'AWARD' then e.points end), 0) as bigint),
                              cast(coalesce(-sum(case when e.kind = 'REDEMPTION' then e.points end), 0) as bigint),
                              cast(coalesce(-sum(case when e.kind = 'EXPIRY' then e.points end), 0) as bigint),
                              count(distinct case when e.kind in ('AWARD', 'REDEMPTION') then a.household_id end)
                            from points_ledger_entry e join points_account a
                              on a.tenant_id = e.tenant_id and a.id = e.account_id
                            where e.tenant_id = :county and a.village_code like :place
                              and e.booked_on >= :from and e.booked_on < :to
                            group by 1, 2 order by 1, 2""", Object[].class)
                    .setParameter("county", county.value()).setParameter("place", place + "%")
                    .setParameter("from", period.from()).setParameter("to", period.to())
                    .getResultList()
                    .map(rows -> rows.stream().map(row -> {
                        String village = (String) row[1];
                        long active = ((Number) row[5]).longValue();
                        long total = households.getOrDefault(village, 0L);
                        return new MonthlyFigures((String) row[0], village, ((Number) row[2]).longValue(),
                                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), active, total,
                                total == 0 ? 0 : Math.round(active * 10000.0 / total) / 10000.0);
                    }).toList());
        });
    }
}

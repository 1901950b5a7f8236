package org.wangwu.points.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.points.rules.PointsPolicy;

/** Leaderboards over the ledger. Only ranks and sums leave here. */
@ApplicationScoped
public class Reports {

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
    }

    /** One place on a leaderboard. */
    public record LeaderboardLine(
            @Schema(description = "Its rank (equal points share a rank)", examples = "1") int rank,
            @Schema(description = "The account") UUID accountId,
            @Schema(description = "The holder's village", examples = "419001100201") String villageCode,
            @Schema(description = "The holder's name in the form the county allows", examples = "王*户") String name,
            @Schema(description = "Points earned in the period, net of deductions, reversals and expiry", examples = "86") long points) {
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
}

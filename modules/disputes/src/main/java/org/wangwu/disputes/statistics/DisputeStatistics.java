package org.wangwu.disputes.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.cases.Level;

/**
 * The figures counties are measured by, per month, read from the module's daily facts (never from
 * the cases): "small matters stay in the village, big matters stay in the township, nothing is
 * pushed up" is the share resolved at each level.
 */
@ApplicationScoped
public class DisputeStatistics {

    /** One month's figures. Shares are percentages of the cases resolved that month. */
    public record Month(String month, long received, long resolved, Map<Level, Long> resolvedByLevel,
                        Map<Level, BigDecimal> resolvedShareByLevel, BigDecimal averageDaysToResolve,
                        long overdue, long followUps, BigDecimal averageSatisfaction, long closed) {
    }

    /** The months asked for, oldest first, with totals over all of them. */
    public record Report(String from, String to, String townshipCode, List<Month> months, Month total) {
    }

    /** A fact summed over a month, by dimension. */
    private record Total(String fact, String dimension, BigDecimal value) {
    }

    public Uni<Report> report(Mutiny.Session session, YearMonth from, YearMonth to, String townshipCode) {
        var q = session.createNativeQuery("""
                        select to_char(day, 'YYYY-MM'), fact, dimension, sum(value) from daily_fact
                        where module_key = :module and day >= :start and day < :end""" + (townshipCode == null ? ""
                        : " and place_code like :township") + " group by 1, 2, 3", Object[].class)
                .setParameter("module", DisputesModule.KEY)
                .setParameter("start", from.atDay(1)).setParameter("end", to.plusMonths(1).atDay(1));
        if (townshipCode != null) {
            q.setParameter("township", townshipCode + "%");
        }
        return q.getResultList().map(rows -> {
            Map<String, List<Total>> byMonth = new HashMap<>();
            List<Total> all = new ArrayList<>();
            for (Object[] r : rows) {
                Total t = new Total((String) r[1], (String) r[2], new BigDecimal(r[3].toString()));
                byMonth.computeIfAbsent((String) r[0], m -> new ArrayList<>()).add(t);
                all.add(t);
            }
            List<Month> months = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                months.add(month(m.toString(), byMonth.getOrDefault(m.toString(), List.of())));
            }
            return new Report(from.toString(), to.toString(), townshipCode, months, month("total", all));
        });
    }

    private static Month month(String label, List<Total> totals) {
        long resolved = sum(totals, DisputeFacts.RESOLVED, null);
        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        Map<Level, BigDecimal> share = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            long n = sum(totals, DisputeFacts.RESOLVED, level.name());
            byLevel.put(level, n);
            share.put(level, resolved == 0 ? null : BigDecimal.valueOf(n * 100.0 / resolved).setScale(1, RoundingMode.HALF_UP));
        }
        long followUps = sum(totals, DisputeFacts.FOLLOW_UPS, null);
        return new Month(label, sum(totals, DisputeFacts.RECEIVED, null), resolved, byLevel, share,
                average(sum(totals, DisputeFacts.DAYS_TO_RESOLVE, null), resolved, 1),
                sum(totals, DisputeFacts.OVERDUE, null), followUps,
                average(sum(totals, DisputeFacts.SATISFACTION_SUM, null), followUps, 2),
                sum(totals, DisputeFacts.FOLLOW_UPS, "closed"));
    }

    private static long sum(List<Total> totals, String fact, String dimension) {
        return totals.stream().filter(t -> t.fact().equals(fact) && (dimension == null || dimension.equals(t.dimension())))
                .map(Total::value).reduce(BigDecimal.ZERO, BigDecimal::add).longValue();
    }

    private static BigDecimal average(long total, long count, int scale) {
        return count == 0 ? null : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
    }
}

package org.wangwu.disputes.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.cases.DisputeCase;
import org.wangwu.disputes.cases.Level;
import org.wangwu.platform.time.PlatformClock;

/**
 * The figures counties are measured by, per month: "small matters stay in the village, big matters
 * stay in the township, nothing is pushed up" is the share resolved at each level.
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

    @Inject
    PlatformClock clock;

    public Uni<Report> report(Mutiny.Session session, YearMonth from, YearMonth to, String townshipCode) {
        Instant start = from.atDay(1).atStartOfDay(PlatformClock.ZONE).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(PlatformClock.ZONE).toInstant();
        String hql = "from DisputeCase where (receivedAt >= :start and receivedAt < :end"
                + " or resolvedAt >= :start and resolvedAt < :end"
                + " or followedUpOn >= :startDay and followedUpOn < :endDay)"
                + (townshipCode == null ? "" : " and townshipCode = :township");
        var q = session.createSelectionQuery(hql, DisputeCase.class)
                .setParameter("start", start).setParameter("end", end)
                .setParameter("startDay", from.atDay(1)).setParameter("endDay", to.plusMonths(1).atDay(1));
        if (townshipCode != null) {
            q.setParameter("township", townshipCode);
        }
        return q.getResultList().map(cases -> {
            List<Month> months = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                YearMonth month = m;
                months.add(month(month.toString(), cases, i -> i != null && YearMonth.from(day(i)).equals(month),
                        d -> d != null && YearMonth.from(d).equals(month)));
            }
            Month total = month("total", cases, i -> i != null && !i.isBefore(start) && i.isBefore(end),
                    d -> d != null && !d.isBefore(from.atDay(1)) && d.isBefore(to.plusMonths(1).atDay(1)));
            return new Report(from.toString(), to.toString(), townshipCode, months, total);
        });
    }

    private static Month month(String label, List<DisputeCase> cases, Predicate<Instant> inPeriod,
                               Predicate<LocalDate> dayInPeriod) {
        List<DisputeCase> received = cases.stream().filter(c -> inPeriod.test(c.receivedAt)).toList();
        List<DisputeCase> resolved = cases.stream().filter(c -> inPeriod.test(c.resolvedAt)).toList();
        List<DisputeCase> followedUp = cases.stream().filter(c -> dayInPeriod.test(c.followedUpOn)
                && c.satisfaction != null).toList();
        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        Map<Level, BigDecimal> share = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            long n = resolved.stream().filter(c -> c.resolvedLevel == level).count();
            byLevel.put(level, n);
            share.put(level, resolved.isEmpty() ? null : BigDecimal.valueOf(n * 100.0 / resolved.size())
                    .setScale(1, RoundingMode.HALF_UP));
        }
        BigDecimal days = resolved.isEmpty() ? null : BigDecimal.valueOf(resolved.stream()
                .mapToLong(c -> Duration.between(c.receivedAt, c.resolvedAt).toMinutes()).average().orElse(0)
                / (24 * 60)).setScale(1, RoundingMode.HALF_UP);
        BigDecimal satisfaction = followedUp.isEmpty() ? null : BigDecimal.valueOf(followedUp.stream()
                .mapToInt(c -> c.satisfaction).average().orElse(0)).setScale(2, RoundingMode.HALF_UP);
        long closed = cases.stream().filter(c -> inPeriod.test(c.closedAt)).count();
        return new Month(label, received.size(), resolved.size(), byLevel, share, days,
                received.stream().filter(c -> c.everOverdue).count(), followedUp.size(), satisfaction, closed);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, PlatformClock.ZONE);
    }
}

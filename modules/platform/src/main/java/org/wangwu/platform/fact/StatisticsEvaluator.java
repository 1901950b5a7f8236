package org.wangwu.platform.fact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.FactDefinition;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.StatisticDefinition;
import org.wangwu.platform.module.StatisticDefinition.Derivation;
import org.wangwu.platform.module.StatisticDefinition.FactRef;

/**
 * The one place that evaluates statistics from facts: it reads the facts a module's derivations use
 * (monthly rollups, or daily facts by day) for a query, carries LEVEL facts forward per place, groups
 * places, and derives each statistic (Sum, Latest, Ratio, Average). County statistics, the county
 * dashboard and the province's overview and drill-downs all come from here.
 */
@ApplicationScoped
public class StatisticsEvaluator {

    /** Every fact reference the module's statistics use, in declaration order. */
    public static Set<FactRef> refsOf(ModuleDescriptor module) {
        Set<FactRef> refs = new LinkedHashSet<>();
        module.statistics().forEach(s -> refs.addAll(inputs(s.derivation())));
        return refs;
    }

    public static List<FactRef> inputs(Derivation d) {
        if (d instanceof StatisticDefinition.Sum s) {
            return List.of(s.fact());
        }
        if (d instanceof StatisticDefinition.Latest l) {
            return List.of(l.fact());
        }
        if (d instanceof StatisticDefinition.Ratio r) {
            return List.of(r.numerator(), r.denominator());
        }
        StatisticDefinition.Average a = (StatisticDefinition.Average) d;
        return List.of(a.total(), a.count());
    }

    /** The statistic's value from its inputs; null where a ratio or average has nothing to divide by. */
    public static BigDecimal derive(Derivation d, java.util.function.Function<FactRef, BigDecimal> value) {
        if (d instanceof StatisticDefinition.Sum s) {
            return value.apply(s.fact());
        }
        if (d instanceof StatisticDefinition.Latest l) {
            return value.apply(l.fact());
        }
        if (d instanceof StatisticDefinition.Ratio r) {
            BigDecimal whole = value.apply(r.denominator());
            return whole.signum() == 0 ? null : value.apply(r.numerator()).divide(whole, 4, RoundingMode.HALF_UP);
        }
        StatisticDefinition.Average a = (StatisticDefinition.Average) d;
        BigDecimal count = value.apply(a.count());
        return count.signum() == 0 ? null : value.apply(a.total()).divide(count, 2, RoundingMode.HALF_UP);
    }

    /** Reads and groups the facts of the module's statistics for the query, in the caller's unit of work. */
    public Uni<FactTable> evaluate(Mutiny.Session session, ModuleDescriptor module, FactQuery query) {
        Set<FactRef> refs = refsOf(module);
        Set<FactRef> levels = refs.stream()
                .filter(r -> module.fact(r.fact()).map(f -> f.kind() == FactDefinition.Kind.LEVEL).orElse(false))
                .collect(Collectors.toSet());
        FactTable table = new FactTable(query.periods(), levels);
        if (refs.isEmpty() || query.counties().isEmpty()) {
            return Uni.createFrom().item(table);
        }
        boolean daily = query.grain() == FactQuery.Grain.DAY;
        List<String> levelFacts = new ArrayList<>(levels.stream().map(FactRef::fact).distinct().toList());
        levelFacts.add("");
        StringBuilder sql = new StringBuilder(daily
                ? "select tenant_id, place_code, fact, dimension, day, value, 0 from daily_fact where day <= :to"
                : "select tenant_id, place_code, fact, dimension, month, value, shard from fact_month where month <= :to");
        sql.append(" and tenant_id in (:counties) and module_key = :module")
                .append(daily ? " and (day >= :from" : " and (month >= :from").append(" or fact in (:levels))");
        if (!daily) {
            sql.append(query.places() == FactQuery.Places.COUNTY ? " and place_code = '*'" : " and place_code <> '*'");
        }
        if (query.within() != null) {
            sql.append(" and place_code like :within");
        }
        Map<String, Object> params = new HashMap<>();
        List<String> pairs = new ArrayList<>();
        int i = 0;
        for (FactRef ref : refs) {
            String dimension = ref.dimension() == null ? (daily ? null : "*") : ref.dimension();
            pairs.add(dimension == null ? "fact = :f" + i : "(fact = :f" + i + " and dimension = :d" + i + ")");
            params.put("f" + i, ref.fact());
            if (dimension != null) {
                params.put("d" + i, dimension);
            }
            i++;
        }
        sql.append(" and (").append(String.join(" or ", pairs)).append(") order by 5");
        Mutiny.SelectionQuery<Object[]> select = session.createNativeQuery(sql.toString(), Object[].class)
                .setParameter("to", query.to())
                .setParameter("from", query.from())
                .setParameter("counties", query.counties())
                .setParameter("module", module.key())
                .setParameter("levels", levelFacts);
        if (query.within() != null) {
            select.setParameter("within", query.within() + "%");
        }
        params.forEach(select::setParameter);
        return select.getResultList().map(rows -> fill(table, rows, refs, levels, query, daily));
    }

    private static FactTable fill(FactTable table, List<Object[]> rows, Set<FactRef> refs, Set<FactRef> levels,
                                  FactQuery query, boolean daily) {
        List<String> periods = table.periods();
        // LEVEL streams (one place, one fact reference) carry their last state forward through periods without a record.
        Map<Stream, BigDecimal> lastLevel = new HashMap<>();
        Map<Stream, Map<String, BigDecimal>> levelByPeriod = new HashMap<>();
        for (Object[] row : rows) {
            String county = (String) row[0];
            String place = (String) row[1];
            String fact = (String) row[2];
            String dimension = (String) row[3];
            String period = period(row[4], daily);
            BigDecimal value = (BigDecimal) row[5];
            int shard = ((Number) row[6]).intValue();
            String group = group(query.places(), county, place);
            for (FactRef ref : refs) {
                if (!ref.fact().equals(fact) || !matches(ref, dimension, daily)) {
                    continue;
                }
                if (levels.contains(ref)) {
                    Stream stream = new Stream(group, county + place, shard, dimension, ref);
                    levelByPeriod.computeIfAbsent(stream, st -> new HashMap<>());
                    if (period.compareTo(periods.get(0)) < 0) {
                        lastLevel.put(stream, value);
                    } else {
                        levelByPeriod.get(stream).put(period, value);
                    }
                } else {
                    table.add(group, period, ref, value);
                }
            }
        }
        levelByPeriod.forEach((stream, recorded) -> {
            BigDecimal carried = lastLevel.get(stream);
            for (String period : periods) {
                carried = recorded.getOrDefault(period, carried);
                if (carried != null) {
                    table.add(stream.group(), period, stream.ref(), carried);
                }
            }
        });
        return table.complete(refs);
    }

    /**
     * One place's LEVEL fact in one dimension, as the rows carry it; a county's rows over all places come
     * in shards (V1.51), each carried on its own and added up in the group.
     */
    private record Stream(String group, String place, int shard, String dimension, FactRef ref) {
    }

    private static boolean matches(FactRef ref, String dimension, boolean daily) {
        if (ref.dimension() != null) {
            return ref.dimension().equals(dimension);
        }
        return daily || "*".equals(dimension);
    }

    private static String period(Object day, boolean daily) {
        LocalDate date = day instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) day;
        return daily ? date.toString() : date.toString().substring(0, 7);
    }

    /** A county's own facts (place '') stand as a row of the county; a township's (9 digits) as the township's. */
    static String group(FactQuery.Places places, String county, String place) {
        if (places == FactQuery.Places.COUNTY || place.isEmpty() || "*".equals(place)) {
            return places == FactQuery.Places.COUNTY || place.isEmpty() ? county : place;
        }
        return places == FactQuery.Places.TOWNSHIP ? place.substring(0, Math.min(9, place.length())) : place;
    }
}

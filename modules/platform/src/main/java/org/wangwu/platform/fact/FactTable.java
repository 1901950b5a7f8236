package org.wangwu.platform.fact;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wangwu.platform.module.StatisticDefinition.FactRef;

/**
 * The facts a module's statistics use, evaluated for a query: one value per place group, period and
 * fact reference, with the whole of the query's places ({@link #WHOLE}) and the whole range
 * ({@link #RANGE}) beside them. FLOW facts add up over the range; LEVEL facts take the range's last period.
 */
public final class FactTable {

    /** The group or period that stands for all of them. */
    public static final String WHOLE = "";
    public static final String RANGE = "";

    private final List<String> periods;
    private final Set<FactRef> levels;
    private final Map<String, Map<String, Map<FactRef, BigDecimal>>> values = new TreeMap<>();

    FactTable(List<String> periods, Set<FactRef> levels) {
        this.periods = periods;
        this.levels = levels;
    }

    public List<String> periods() {
        return periods;
    }

    /** The place groups that have any fact, in code order (without {@link #WHOLE}). */
    public List<String> groups() {
        return values.keySet().stream().filter(g -> !g.equals(WHOLE)).toList();
    }

    public boolean isLevel(FactRef ref) {
        return levels.contains(ref);
    }

    /** The value of a fact reference for a group and period; zero where nothing was recorded. */
    public BigDecimal value(String group, String period, FactRef ref) {
        Map<String, Map<FactRef, BigDecimal>> byPeriod = values.get(group);
        BigDecimal v = byPeriod == null || byPeriod.get(period) == null ? null : byPeriod.get(period).get(ref);
        return v == null ? BigDecimal.ZERO : v;
    }

    void add(String group, String period, FactRef ref, BigDecimal amount) {
        values.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(period, p -> new LinkedHashMap<>())
                .merge(ref, amount, BigDecimal::add);
    }

    /** Adds the whole of the places and the whole range, once every group's periods are in. */
    FactTable complete(Set<FactRef> refs) {
        for (String group : groups()) {
            for (String period : periods) {
                refs.forEach(ref -> add(WHOLE, period, ref, value(group, period, ref)));
            }
        }
        for (String group : values.keySet()) {
            for (FactRef ref : refs) {
                BigDecimal range = levels.contains(ref) ? value(group, periods.get(periods.size() - 1), ref)
                        : periods.stream().map(p -> value(group, p, ref)).reduce(BigDecimal.ZERO, BigDecimal::add);
                add(group, RANGE, ref, range);
            }
        }
        return this;
    }
}

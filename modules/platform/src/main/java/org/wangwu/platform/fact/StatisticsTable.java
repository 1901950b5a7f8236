package org.wangwu.platform.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.StatisticDefinition;
import org.wangwu.platform.module.StatisticDefinition.FactRef;

/**
 * A module's statistics as answered: a row per place and period (the place {@code null}: the whole
 * of the query's places; the period {@code null}: the whole range), each with every statistic's figure.
 */
public record StatisticsTable(String module, LocalizedText name, List<Column> statistics, List<String> periods,
                              List<Row> rows) {

    /** A statistic as a column of the table. */
    public record Column(String key, LocalizedText name, String unit) {
    }

    /** A place (county, township or village code; null for the whole) in a period (null for the range). */
    public record Row(String place, String name, String period, Map<String, Figure> figures) {
    }

    /** Builds the table; {@code decision} null publishes every figure (the county's own staff). */
    public static StatisticsTable of(ModuleDescriptor module, FactTable facts, SmallCountSuppression.Decision decision,
                                     int threshold, Function<String, String> names) {
        List<Row> rows = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        groups.add(FactTable.WHOLE);
        groups.addAll(facts.groups());
        List<String> periods = new ArrayList<>(facts.periods());
        periods.add(FactTable.RANGE);
        for (String group : groups) {
            for (String period : periods) {
                Map<String, Figure> figures = new LinkedHashMap<>();
                for (StatisticDefinition s : module.statistics()) {
                    figures.put(s.key(), figure(s.derivation(), facts, decision, threshold, group, period));
                }
                String place = group.equals(FactTable.WHOLE) ? null : group;
                rows.add(new Row(place, place == null ? null : names.apply(place),
                        period.equals(FactTable.RANGE) ? null : period, figures));
            }
        }
        return new StatisticsTable(module.key(), module.name(),
                module.statistics().stream().map(s -> new Column(s.key(), s.name(), s.unit())).toList(),
                facts.periods(), rows);
    }

    private static Figure figure(StatisticDefinition.Derivation d, FactTable facts, SmallCountSuppression.Decision decision,
                                 int threshold, String group, String period) {
        if (decision != null) {
            List<FactRef> inputs = StatisticsEvaluator.inputs(d);
            boolean hidden = inputs.stream().anyMatch(ref -> hidden(facts, decision, group, period, ref));
            if (hidden) {
                boolean direct = inputs.size() == 1 && !period.equals(FactTable.RANGE)
                        && decision.isSmall(group, period, inputs.get(0));
                return new Figure(null, direct ? "<" + threshold : Figure.PROTECTING);
            }
        }
        return Figure.of(StatisticsEvaluator.derive(d, ref -> facts.value(group, period, ref)));
    }

    /** A range is hidden where any of its months is (a LEVEL fact: its last month). */
    private static boolean hidden(FactTable facts, SmallCountSuppression.Decision decision, String group, String period,
                                  FactRef ref) {
        if (!period.equals(FactTable.RANGE)) {
            return decision.isHidden(group, period, ref);
        }
        List<String> months = facts.isLevel(ref) ? List.of(facts.periods().get(facts.periods().size() - 1)) : facts.periods();
        return months.stream().anyMatch(m -> decision.isHidden(group, m, ref));
    }
}

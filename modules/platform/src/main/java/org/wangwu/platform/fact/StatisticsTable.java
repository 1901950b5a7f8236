package org.wangwu.platform.fact;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
public record StatisticsTable(
        @Schema(description = "The module", examples = "disputes") String module,
        @Schema(description = "The module's name") LocalizedText name,
        @Schema(description = "The columns: one per statistic") List<Column> statistics,
        @Schema(description = "The months covered (YYYY-MM)") List<String> periods,
        @Schema(description = "One row per place and period, with the totals") List<Row> rows) {

    /** A statistic as a column of the table. */
    public record Column(
            @Schema(description = "The statistic's key", examples = "cases-received") String key,
            @Schema(description = "Its name in Chinese and English") LocalizedText name,
            @Schema(description = "Its unit", examples = "cases") String unit) {
    }

    /** A place (county, township or village code; null for the whole) in a period (null for the range). */
    public record Row(
            @Schema(description = "The township or village code, or null for the whole county", examples = "419001100") String place,
            @Schema(description = "The place's name", examples = "承留镇") String name,
            @Schema(description = "The month (YYYY-MM), or null for the whole range", examples = "2026-03") String period,
            @Schema(description = "Each statistic's figure, by key") Map<String, Figure> figures) {
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

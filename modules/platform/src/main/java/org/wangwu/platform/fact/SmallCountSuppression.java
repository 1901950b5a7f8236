package org.wangwu.platform.fact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.StatisticDefinition.FactRef;

/**
 * Hides counts small enough to point at a person (1 to threshold - 1) in the answers that leave a
 * county, and enough other cells that no sum or difference of the published figures gives one back.
 * The cells are the count facts a module's statistics rest on, per place group and month. Every
 * additive line (the groups of a month with their whole; the dimensions of a fact with the rest and
 * the fact's total) must hide none or at least two of its cells: where one is hidden, the smallest
 * other count is hidden too, until nothing changes. The whole of a drill-down is the parent's cell,
 * fixed as the answer above decided it, so answers at every level agree. A range total is hidden when
 * any month under it is, so ranges of different lengths give nothing away either. A statistic is
 * hidden wherever a count it uses is.
 */
public final class SmallCountSuppression {

    /** Units of amounts (not of people or things counted); their facts are never cells. */
    static final Set<String> AMOUNT_UNITS = Set.of("points", "days", "yuan", "hours", "ratio", "percent");

    /** Where a parent hid nothing (or there is no parent): the whole is this answer's to decide. */
    public static final Map<Cell, Boolean> OWN_WHOLE = null;

    /** A fact reference's cell of a group in a month; {@code rest} is the part of the fact under no published dimension. */
    public record Cell(String group, String period, String fact, String dimension, boolean rest) {

        static Cell of(String group, String period, FactRef ref) {
            return new Cell(group, period, ref.fact(), ref.dimension(), false);
        }

        Cell in(String otherGroup, String otherPeriod) {
            return new Cell(otherGroup, otherPeriod, fact, dimension, rest);
        }
    }

    /** What is hidden: the cells hidden because they are small, and those hidden to protect them. */
    public record Decision(Set<Cell> small, Set<Cell> hidden) {

        public boolean isHidden(String group, String period, FactRef ref) {
            return hidden.contains(Cell.of(group, period, ref));
        }

        public boolean isSmall(String group, String period, FactRef ref) {
            return small.contains(Cell.of(group, period, ref));
        }

        /** This decision's hidden cells of one group (true: hidden as small), as the fixed whole of the drill-down below it. */
        public Map<Cell, Boolean> of(String group) {
            Map<Cell, Boolean> out = new HashMap<>();
            hidden.stream().filter(c -> c.group().equals(group))
                    .forEach(c -> out.put(c.in(FactTable.WHOLE, c.period()), small.contains(c)));
            return out;
        }
    }

    private SmallCountSuppression() {
    }

    /**
     * Decides what to hide in a table. {@code fixedWhole} is the parent's decision for the table's
     * whole (from {@link Decision#of}), or null where the whole is this answer's own to decide.
     */
    public static Decision decide(ModuleDescriptor module, FactTable table, int threshold, Map<Cell, Boolean> fixedWhole) {
        List<FactRef> counts = StatisticsEvaluator.refsOf(module).stream()
                .filter(r -> module.fact(r.fact()).map(f -> !AMOUNT_UNITS.contains(f.unit())).orElse(false))
                .toList();
        Map<Cell, BigDecimal> values = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>(table.groups());
        groups.add(FactTable.WHOLE);
        List<List<Cell>> lines = new ArrayList<>();
        for (String period : table.periods()) {
            for (String group : groups) {
                counts.forEach(ref -> values.put(Cell.of(group, period, ref), table.value(group, period, ref)));
                boolean fixed = group.equals(FactTable.WHOLE) && fixedWhole != null;
                for (FactRef total : counts) {
                    if (total.dimension() != null) {
                        continue;
                    }
                    List<FactRef> parts = counts.stream()
                            .filter(r -> r.fact().equals(total.fact()) && r.dimension() != null).toList();
                    if (parts.isEmpty()) {
                        continue;
                    }
                    Cell rest = new Cell(group, period, total.fact(), null, true);
                    values.put(rest, parts.stream().map(p -> table.value(group, period, p))
                            .reduce(table.value(group, period, total), BigDecimal::subtract));
                    if (!fixed) {
                        List<Cell> line = new ArrayList<>(parts.stream().map(p -> Cell.of(group, period, p)).toList());
                        line.add(rest);
                        line.add(Cell.of(group, period, total));
                        lines.add(line);
                    }
                }
            }
            for (Cell wholeCell : values.keySet().stream()
                    .filter(c -> c.period().equals(period) && c.group().equals(FactTable.WHOLE)).toList()) {
                List<Cell> line = new ArrayList<>(table.groups().stream().map(g -> wholeCell.in(g, period)).toList());
                line.add(wholeCell);
                lines.add(line);
            }
        }
        Set<Cell> fixed = new HashSet<>();
        Set<Cell> hidden = new HashSet<>();
        Set<Cell> small = new HashSet<>();
        values.forEach((cell, v) -> {
            if (fixedWhole != null && cell.group().equals(FactTable.WHOLE)) {
                fixed.add(cell);
                Boolean wasSmall = fixedWhole.get(cell);
                if (wasSmall != null) {
                    hidden.add(cell);
                    if (wasSmall) {
                        small.add(cell);
                    }
                }
            } else if (v.signum() > 0 && v.compareTo(BigDecimal.valueOf(threshold)) < 0) {
                small.add(cell);
                hidden.add(cell);
            }
        });
        Comparator<Cell> smallestFirst = Comparator.<Cell, Boolean>comparing(c -> values.get(c).signum() == 0)
                .thenComparing(values::get).thenComparing(Cell::toString);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Cell> line : lines) {
                if (line.stream().filter(hidden::contains).count() != 1) {
                    continue;
                }
                var candidate = line.stream().filter(c -> !hidden.contains(c) && !fixed.contains(c)).min(smallestFirst);
                if (candidate.isPresent()) {
                    hidden.add(candidate.get());
                    changed = true;
                }
            }
        }
        return new Decision(small, hidden);
    }
}

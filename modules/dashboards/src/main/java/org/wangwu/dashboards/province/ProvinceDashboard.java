package org.wangwu.dashboards.province;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.dashboards.province.ProvinceViews.CountyEntry;
import org.wangwu.dashboards.province.ProvinceViews.DrillDown;
import org.wangwu.dashboards.province.ProvinceViews.ModuleFigures;
import org.wangwu.dashboards.province.ProvinceViews.Overview;
import org.wangwu.dashboards.province.ProvinceViews.Ranked;
import org.wangwu.dashboards.province.ProvinceViews.Ranking;
import org.wangwu.platform.county.County;
import org.wangwu.platform.county.Province;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.fact.CountyStatistics;
import org.wangwu.platform.fact.FactQuery;
import org.wangwu.platform.fact.FactTable;
import org.wangwu.platform.fact.SmallCountSuppression;
import org.wangwu.platform.fact.SmallCountSuppression.Decision;
import org.wangwu.platform.fact.StatisticsEvaluator;
import org.wangwu.platform.fact.StatisticsTable;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * The province's figures: the overview of its counties, and drill-downs from a county to its
 * townships and from a township to its villages. Every answer is read in a province unit of work
 * (aggregates only) and suppressed top-down: a drill-down's whole is its parent's cell as the answer
 * above published it, so no two answers together give back a hidden count.
 */
@ApplicationScoped
public class ProvinceDashboard {

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleRegistry registry;

    @Inject
    StatisticsEvaluator evaluator;

    @Inject
    CountyStatistics countyStatistics;

    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "wangwu.statistics.suppression-threshold", defaultValue = "5")
    int threshold;

    /** A range given, or the twelve months up to this one. */
    public record Range(String from, String to) {
    }

    public Range range(String from, String to) {
        YearMonth now = YearMonth.from(clock.today());
        return new Range(from == null ? now.minusMonths(11).toString() : from, to == null ? now.toString() : to);
    }

    public Uni<Overview> overview(String province, Range range) {
        return tx.inProvince(province, s -> counties(s, province).chain(counties -> switches(s).chain(switches -> {
            List<String> codes = counties.stream().map(c -> c.code).toList();
            FactQuery query = FactQuery.months(codes, range.from(), range.to(), FactQuery.Places.COUNTY, null);
            Map<String, String> names = new HashMap<>();
            counties.forEach(c -> names.put(c.code, c.nameZh));
            return eachModule(module -> overviewFacts(s, module, query).map(facts -> {
                Decision decision = SmallCountSuppression.decide(module, facts, threshold, SmallCountSuppression.OWN_WHOLE);
                StatisticsTable table = StatisticsTable.of(module, facts, decision, threshold, names::get);
                return new ModuleFigures(table, rankings(table));
            })).chain(modules -> provinceName(s, province).map(name -> new Overview(province, name, range.from(),
                    range.to(), threshold, counties.stream().map(c -> new CountyEntry(c.code, c.nameZh, c.nameEn, c.status,
                    switches.getOrDefault(c.code, List.of()))).toList(), modules)));
        })));
    }

    /** A county's townships (township null) or a township's villages. */
    public Uni<DrillDown> drillDown(String province, String county, String township, Range range) {
        CountyCode code = CountyCode.of(county);
        if (!code.provinceCode().equals(province) || township != null && !(township.matches("[0-9]{9}")
                && code.contains(township))) {
            throw ProblemException.notFound(township == null ? "County" : "Township", township == null ? county : township);
        }
        Uni<Map<String, String>> names = tx.inCounty(code, s -> countyStatistics.names(s, code));
        return names.chain(placeNames -> tx.inProvince(province, s -> counties(s, province).chain(counties -> {
            County found = counties.stream().filter(c -> c.code.equals(county)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("County", county));
            List<String> codes = counties.stream().map(c -> c.code).toList();
            FactQuery overviewQuery = FactQuery.months(codes, range.from(), range.to(), FactQuery.Places.COUNTY, null);
            FactQuery countyQuery = overviewQuery.of(List.of(county)).by(FactQuery.Places.TOWNSHIP, null);
            return eachModule(module -> overviewFacts(s, module, overviewQuery).chain(provinceFacts -> {
                Decision above = SmallCountSuppression.decide(module, provinceFacts, threshold, SmallCountSuppression.OWN_WHOLE);
                return evaluator.evaluate(s, module, countyQuery).chain(countyFacts -> {
                    Decision byTownship = SmallCountSuppression.decide(module, countyFacts, threshold, above.of(county));
                    if (township == null) {
                        return Uni.createFrom().item(StatisticsTable.of(module, countyFacts, byTownship, threshold,
                                placeNames::get));
                    }
                    return evaluator.evaluate(s, module, countyQuery.by(FactQuery.Places.VILLAGE, township)).map(villageFacts ->
                            StatisticsTable.of(module, villageFacts, SmallCountSuppression.decide(module, villageFacts,
                                    threshold, byTownship.of(township)), threshold, placeNames::get));
                });
            })).map(modules -> new DrillDown(province, county, found.nameZh, township, range.from(), range.to(), threshold,
                    modules));
        })));
    }

    private Uni<FactTable> overviewFacts(Mutiny.Session s, ModuleDescriptor module, FactQuery query) {
        return evaluator.evaluate(s, module, query);
    }

    /** Runs a module's part of an answer for every module with statistics, one after another in the session. */
    private <T> Uni<List<T>> eachModule(java.util.function.Function<ModuleDescriptor, Uni<T>> part) {
        List<ModuleDescriptor> modules = registry.all().stream().filter(m -> !m.statistics().isEmpty()).toList();
        Uni<List<T>> chain = Uni.createFrom().item(new ArrayList<>());
        for (ModuleDescriptor module : modules) {
            chain = chain.chain(done -> part.apply(module).map(one -> {
                done.add(one);
                return done;
            }));
        }
        return chain;
    }

    private static Uni<List<County>> counties(Mutiny.Session s, String province) {
        return s.createSelectionQuery("from County where provinceCode = :p order by code", County.class)
                .setParameter("p", province).getResultList();
    }

    private static Uni<String> provinceName(Mutiny.Session s, String province) {
        return s.find(Province.class, province).map(p -> p == null ? province : p.nameZh);
    }

    /** The switched-on modules of each of the province's counties (readable to the province's unit of work). */
    private static Uni<Map<String, List<String>>> switches(Mutiny.Session s) {
        return s.createNativeQuery("select tenant_id, module_key from county_module where enabled order by 1, 2", Object[].class)
                .getResultList().map(rows -> {
                    Map<String, List<String>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
                    return out;
                });
    }

    private static List<Ranking> rankings(StatisticsTable table) {
        List<StatisticsTable.Row> counties = table.rows().stream().filter(r -> r.place() != null && r.period() == null).toList();
        return table.statistics().stream().map(stat -> {
            List<StatisticsTable.Row> shown = counties.stream().filter(r -> r.figures().get(stat.key()).value() != null)
                    .sorted(Comparator.comparing((StatisticsTable.Row r) -> r.figures().get(stat.key()).value()).reversed()
                            .thenComparing(StatisticsTable.Row::place)).toList();
            List<Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                StatisticsTable.Row r = shown.get(i);
                ranked.add(new Ranked(i + 1, r.place(), r.name(), r.figures().get(stat.key()).value()));
            }
            List<String> unranked = counties.stream().filter(r -> r.figures().get(stat.key()).value() == null)
                    .map(StatisticsTable.Row::place).toList();
            return new Ranking(stat.key(), ranked, unranked);
        }).toList();
    }
}

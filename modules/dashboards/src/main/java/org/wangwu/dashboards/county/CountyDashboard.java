package org.wangwu.dashboards.county;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.wangwu.dashboards.province.ProvinceDashboard.Range;
import org.wangwu.platform.fact.CountyStatistics;
import org.wangwu.platform.fact.StatisticsTable;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.module.ModuleState;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** The county's own figures for its administrator: every figure of each switched-on module (no suppression). */
@ApplicationScoped
public class CountyDashboard {

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleService modules;

    @Inject
    CountyStatistics statistics;

    public Uni<List<StatisticsTable>> read(CountyCode county, Range range, CountyStatistics.By by) {
        return tx.inCounty(county, s -> modules.list(s).chain(states -> {
            Uni<List<StatisticsTable>> chain = Uni.createFrom().item(new ArrayList<>());
            for (ModuleState state : states) {
                var module = modules.descriptor(state.key());
                if (!state.enabled() || module.statistics().isEmpty()) {
                    continue;
                }
                chain = chain.chain(done -> statistics.table(s, county, module, range.from(), range.to(), by).map(t -> {
                    done.add(t);
                    return done;
                }));
            }
            return chain;
        }));
    }
}

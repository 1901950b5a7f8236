package org.wangwu.dashboards;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.wangwu.dashboards.factcheck.FactCheck;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.ModuleDescriptor;

/**
 * Dashboards (统计看板): the province compares its counties, a county sees itself across its modules.
 * Reads only the modules' daily facts (through the platform's statistics) and the county registry,
 * never a module's tables; checks every day that the facts still agree with each module's records.
 */
@ApplicationScoped
public class DashboardsModule implements FunctionalModule {

    public static final String KEY = "dashboards";

    @Inject
    DashboardsPermissions permissions;

    @Inject
    FactCheck factCheck;

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("统计看板", "Dashboards")
                .description("省里比较各县的汇总数据，县里按乡镇和村查看各模块的统计",
                        "The province compares its counties' aggregates; a county sees its modules' figures by township and village")
                .permissions(permissions)
                .roles(Role.COUNTY_ADMIN, Role.PROVINCIAL_VIEWER, Role.THIRD_PARTY_APP)
                .job(FactCheck.JOB, "核对统计事实", "Check facts against records", Duration.ofDays(1),
                        county -> factCheck.run(county, Caller.system(FactCheck.JOB, county)).map(run -> run.differences()))
                .build();
    }
}

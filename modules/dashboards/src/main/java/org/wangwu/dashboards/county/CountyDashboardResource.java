package org.wangwu.dashboards.county;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.dashboards.DashboardsModule;
import org.wangwu.dashboards.DashboardsPermissions;
import org.wangwu.dashboards.province.ProvinceDashboard;
import org.wangwu.platform.fact.CountyStatistics;
import org.wangwu.platform.fact.StatisticsTable;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;

/** The county dashboard: the county's figures across its switched-on modules, by township or village. */
@Path("/api/v1/counties/{county}/" + DashboardsModule.KEY)
@Tag(name = "Dashboards")
@Authenticated
public class CountyDashboardResource {

    @Inject
    CountyDashboard dashboard;

    @Inject
    ProvinceDashboard ranges;

    @Inject
    DashboardsPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The county's figures of every switched-on module, by township (default) or village, over a range of months",
            description = "The county administrator's dashboard: the figures of every module the county has "
                    + "switched on, by township (default) or village, over a range of months (`from`, `to` as "
                    + "YYYY-MM), read from the monthly rollups of the modules' daily facts. The county's own staff "
                    + "see small counts unsuppressed.")
    public Uni<List<StatisticsTable>> read(@PathParam("county") String county,
                                           @QueryParam("from") @Parameter(description = "First month, YYYY-MM (default: eleven months ago)", example = "2026-01") String from,
                                           @QueryParam("to") @Parameter(description = "Last month, YYYY-MM (default: this month)", example = "2026-06") String to,
                                           @QueryParam("by") @Parameter(description = "Rows per township (default) or per village", example = "village") String by) {
        permissions.readCountyDashboard(currentCaller.get());
        CountyStatistics.By grouping = CountyStatistics.by(by == null ? "township" : by);
        return dashboard.read(CountyCode.of(county), ranges.range(from, to), grouping);
    }
}

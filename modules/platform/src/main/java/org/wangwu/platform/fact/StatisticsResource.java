package org.wangwu.platform.fact;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** A module's statistics for its county, derived from the module's daily facts. */
@Path("/api/v1/counties/{county}/modules/{module}/statistics")
@Tag(name = "Modules")
@Authenticated
public class StatisticsResource {

    @Inject
    ModuleService modules;

    @Inject
    CountyStatistics statistics;

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "A module's statistics for the county, by month, township or village over a range of months",
            description = "A module's statistics for the county over a range of months (`from`, `to` as YYYY-MM), "
                    + "computed from the module's daily facts: one row per period, or per township or village with "
                    + "`by`. The county's own staff see small counts; what leaves the county (dashboards of the "
                    + "province) is suppressed below the threshold.")
    public Uni<StatisticsTable> read(@PathParam("county") String county, @PathParam("module") String module,
                                     @QueryParam("from") @Parameter(description = "First month, YYYY-MM", example = "2026-01") String from,
                                     @QueryParam("to") @Parameter(description = "Last month, YYYY-MM", example = "2026-06") String to,
                                     @QueryParam("by") @Parameter(description = "Rows per month (default), per township or per village", example = "township") String by) {
        ModuleDescriptor d = modules.descriptor(module);
        d.permissions().readStatistics(currentCaller.get());
        CountyCode code = CountyCode.of(county);
        CountyStatistics.By grouping = CountyStatistics.by(by);
        return tx.inCounty(code, s -> statistics.table(s, code, d, from, to, grouping));
    }
}

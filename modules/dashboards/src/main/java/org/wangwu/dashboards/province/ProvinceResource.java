package org.wangwu.dashboards.province;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.dashboards.DashboardsPermissions;
import org.wangwu.dashboards.export.TableExport;
import org.wangwu.dashboards.province.ProvinceViews.DrillDown;
import org.wangwu.dashboards.province.ProvinceViews.ModuleFigures;
import org.wangwu.dashboards.province.ProvinceViews.Overview;
import org.wangwu.platform.identity.CurrentCaller;

/** A province's figures for its provincial staff and apps: overview, drill-downs, exports. Aggregates only. */
@Path("/api/v1/provinces/{province}")
@Tag(name = "Dashboards")
@Authenticated
public class ProvinceResource {

    @Inject
    ProvinceDashboard dashboard;

    @Inject
    TableExport export;

    @Inject
    DashboardsPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("/overview")
    @Operation(summary = "The province's counties, each module's figures per county and month, and rankings over the range",
            description = "The province overview for provincial viewers: the province's counties and the modules each runs, each module's statistics per county and month (disputes received and resolved, share resolved at each level, days to resolve; consultation matters completed; customs registrations and compliance; points issued and redeemed), and rankings of the counties over the range. Only aggregates leave a county; counts under the threshold leave as \"<5\", with complementary cells \"x\".")
    public Uni<Overview> overview(@PathParam("province") String province, @QueryParam("from") @Parameter(description = "First month, YYYY-MM (default: eleven months ago)", example = "2026-01") String from,
                                  @QueryParam("to") @Parameter(description = "Last month, YYYY-MM (default: this month)", example = "2026-06") String to) {
        permissions.readProvince(currentCaller.get());
        return dashboard.overview(province, dashboard.range(from, to));
    }

    @GET
    @Path("/counties/{county}")
    @Operation(summary = "Drill down to a county: each module's figures by township",
            description = "A provincial viewer drills down to one county of their province: each module's figures by township over the range. Aggregates only; counts under the suppression threshold leave as \"<5\".")
    public Uni<DrillDown> county(@PathParam("province") String province, @PathParam("county") String county,
                                 @QueryParam("from") String from, @QueryParam("to") String to) {
        permissions.readProvince(currentCaller.get());
        return dashboard.drillDown(province, county, null, dashboard.range(from, to));
    }

    @GET
    @Path("/counties/{county}/townships/{township}")
    @Operation(summary = "Drill down to a township: each module's figures by village",
            description = "A provincial viewer drills down to a township: each module's figures by village over the "
                    + "range. Aggregates only, small counts suppressed.")
    public Uni<DrillDown> township(@PathParam("province") String province, @PathParam("county") String county,
                                   @PathParam("township") String township, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        permissions.readProvince(currentCaller.get());
        return dashboard.drillDown(province, county, township, dashboard.range(from, to));
    }

    @GET
    @Path("/overview/export")
    @Produces({TableExport.XLSX, "text/csv"})
    @Operation(summary = "The overview as a CSV or XLSX download with Chinese headers",
            description = "The province overview as a CSV or XLSX download with Chinese headers.")
    public Uni<Response> exportOverview(@PathParam("province") String province,
                                        @Parameter(description = "csv or xlsx", example = "xlsx") @QueryParam("format") String format,
                                        @QueryParam("from") String from, @QueryParam("to") String to) {
        permissions.readProvince(currentCaller.get());
        return dashboard.overview(province, dashboard.range(from, to)).map(o -> export.download(
                o.modules().stream().map(ModuleFigures::table).toList(), o.provinceName() + "合计", format,
                "overview-" + province));
    }

    @GET
    @Path("/counties/{county}/export")
    @Produces({TableExport.XLSX, "text/csv"})
    @Operation(summary = "A county's drill-down as a CSV or XLSX download with Chinese headers",
            description = "The county drill-down as a download with Chinese headers, CSV (UTF-8 with BOM, opens in "
                    + "Excel) or XLSX.")
    public Uni<Response> exportCounty(@PathParam("province") String province, @PathParam("county") String county,
                                      @Parameter(description = "csv or xlsx", example = "xlsx") @QueryParam("format") String format,
                                      @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        permissions.readProvince(currentCaller.get());
        return dashboard.drillDown(province, county, null, dashboard.range(from, to))
                .map(d -> export.download(d.modules(), d.countyName() + "合计", format, "county-" + county));
    }

    @GET
    @Path("/counties/{county}/townships/{township}/export")
    @Produces({TableExport.XLSX, "text/csv"})
    @Operation(summary = "A township's drill-down as a CSV or XLSX download with Chinese headers",
            description = "The township drill-down as a CSV or XLSX download with Chinese headers.")
    public Uni<Response> exportTownship(@PathParam("province") String province, @PathParam("county") String county,
                                        @PathParam("township") String township,
                                        @Parameter(description = "csv or xlsx", example = "xlsx") @QueryParam("format") String format,
                                        @QueryParam("from") String from, @QueryParam("to") String to) {
        permissions.readProvince(currentCaller.get());
        return dashboard.drillDown(province, county, township, dashboard.range(from, to))
                .map(d -> export.download(d.modules(), township + "合计", format, "township-" + township));
    }
}

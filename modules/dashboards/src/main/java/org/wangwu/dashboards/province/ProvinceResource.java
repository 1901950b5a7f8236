package org.wangwu.dashboards.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.dashboards.DashboardsPermissions;
import org.wangwu.dashboards.export.TableExport;
import org.wangwu.dashboards.province.ProvinceDashboard.Range;
import org.wangwu.dashboards.province.ProvinceViews.DrillDown;
import org.wangwu.dashboards.province.ProvinceViews.ModuleFigures;
import org.wangwu.dashboards.province.ProvinceViews.Overview;
import org.wangwu.platform.identity.CurrentCaller;

/**
 * A province's figures for its provincial staff and apps: overview, drill-downs, exports. Aggregates only.
 * Each answer is kept a while and revalidated by ETag ({@link ProvinceAnswers}).
 */
@Path("/api/v1/provinces/{province}")
@Tag(name = "Dashboards")
@Authenticated
public class ProvinceResource {

    @Inject
    ProvinceDashboard dashboard;

    @Inject
    ProvinceAnswers answers;

    @Inject
    TableExport export;

    @Inject
    DashboardsPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The province's counties, each module's figures per county and month, and rankings over the range",
            description = "The province overview for provincial viewers: the province's counties and the modules each runs, each module's statistics per county and month (disputes received and resolved, share resolved at each level, days to resolve; consultation matters completed; customs registrations and compliance; points issued and redeemed), and rankings of the counties over the range. Only aggregates leave a county; counts under the threshold leave as \"<5\", with complementary cells \"x\". An answer is kept a minute and revalidated by ETag (304); it is gzipped for a viewer that accepts gzip.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)))
    public Uni<Response> overview(@PathParam("province") String province, @QueryParam("from") @Parameter(description = "First month, YYYY-MM (default: eleven months ago)", example = "2026-01") String from,
                                  @QueryParam("to") @Parameter(description = "Last month, YYYY-MM (default: this month)", example = "2026-06") String to,
                                  @Context Request request, @Context HttpHeaders viewer) {
        permissions.readProvince(currentCaller.get());
        Range range = dashboard.range(from, to);
        return answer(request, viewer, List.of("overview", province, range), () -> dashboard.overview(province, range));
    }

    @GET
    @Path("/counties/{county}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Drill down to a county: each module's figures by township",
            description = "A provincial viewer drills down to one county of their province: each module's figures by township over the range. Aggregates only; counts under the suppression threshold leave as \"<5\".")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DrillDown.class)))
    public Uni<Response> county(@PathParam("province") String province, @PathParam("county") String county,
                                @QueryParam("from") String from, @QueryParam("to") String to, @Context Request request, @Context HttpHeaders viewer) {
        permissions.readProvince(currentCaller.get());
        Range range = dashboard.range(from, to);
        return answer(request, viewer, List.of("county", province, county, range),
                () -> dashboard.drillDown(province, county, null, range));
    }

    @GET
    @Path("/counties/{county}/townships/{township}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Drill down to a township: each module's figures by village",
            description = "A provincial viewer drills down to a township: each module's figures by village over the "
                    + "range. Aggregates only, small counts suppressed.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DrillDown.class)))
    public Uni<Response> township(@PathParam("province") String province, @PathParam("county") String county,
                                  @PathParam("township") String township, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @Context Request request, @Context HttpHeaders viewer) {
        permissions.readProvince(currentCaller.get());
        Range range = dashboard.range(from, to);
        return answer(request, viewer, List.of("township", province, county, township, range),
                () -> dashboard.drillDown(province, county, township, range));
    }

    @GET
    @Path("/overview/export")
    @Produces({TableExport.XLSX, "text/csv"})
    @Operation(summary = "The overview as a CSV or XLSX download with Chinese headers",
            description = "The province overview as a CSV or XLSX download with Chinese headers.")
    public Uni<Response> exportOverview(@PathParam("province") String province,
                                        @Parameter(description = "csv or xlsx", example = "xlsx") @QueryParam("format") String format,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @Context Request request, @Context HttpHeaders viewer) {
        permissions.readProvince(currentCaller.get());
        Range range = dashboard.range(from, to);
        return download(request, viewer, List.of("overview", province, range), format, "overview-" + province,
                () -> dashboard.overview(province, range).map(o -> export.bytes(
                        o.modules().stream().map(ModuleFigures::table).toList(), o.provinceName() + "合计", format)));
    }

    @GET
    @Path("/counties/{county}/export")
    @Produces({TableExport.XLSX, "text/csv"})
    @Operation(summary = "A county's drill-down as a CSV or XLSX download with Chinese headers",
            description = "The county drill-down as a download with Chinese headers, CSV (UTF-8 with BOM, opens in "
                    + "Excel) or XLSX.")
    public Uni<Response> exportCounty(@PathParam("province") String province, @PathParam("county") String county,
                                      @Parameter(description = "csv or xlsx", example = "xlsx") @QueryParam("format") String format, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @Context Request request, @Context HttpHeaders viewer) {
        permissions.readProvince(currentCaller.get());
        Range range = dashboard.range(from, to);
        return download(request, viewer, List.of("county", province, county, range), format, "county-" + county,
                () -> dashboard.drillDown(province, county, null, range)
                        .map(d -> export.bytes(d.modules(), d.countyName() + "合计", format)));
    }

    @GET
    @Path("/counties/{county}/townships/{township}/export")
    @Produces({TableExport.XLSX, "text/csv"})
    @Operation(summary = "A township's drill-down as a CSV or XLSX download with Chinese headers",
            description = "The township drill-down as a CSV or XLSX download with Chinese headers.")
    public Uni<Response> exportTownship(@PathParam("province") String province, @PathParam("county") String county,
                                        @PathParam("township") String township,
                                        @Parameter(description = "csv or xlsx", example = "xlsx") @QueryParam("format") String format,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @Context Request request, @Context HttpHeaders viewer) {
        permissions.readProvince(currentCaller.get());
        Range range = dashboard.range(from, to);
        return download(request, viewer, List.of("township", province, county, township, range), format,
                "township-" + township, () -> dashboard.drillDown(province, county, township, range)
                        .map(d -> export.bytes(d.modules(), township + "合计", format)));
    }

    /** A JSON answer, kept under {@code key}. */
    private Uni<Response> answer(Request request, HttpHeaders viewer, List<Object> key, Supplier<Uni<?>> read) {
        return answers.answer(key, MediaType.APPLICATION_JSON, () -> read.get().map(this::bytes))
                .map(a -> answers.response(request, viewer, a, Map.of()));
    }

    /** A download of an answer in {@code format}, kept under {@code key} and the format. */
    private Uni<Response> download(Request request, HttpHeaders viewer, List<Object> key, String format,
                                   String fileName, Supplier<Uni<byte[]>> read) {
        String mediaType = TableExport.mediaType(format);
        List<Object> downloadKey = new java.util.ArrayList<>(key);
        downloadKey.add(format);
        return answers.answer(downloadKey, mediaType, read)
                .map(a -> answers.response(request, viewer, a, TableExport.attachment(fileName, format)));
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer that does not serialise", e);
        }
    }
}

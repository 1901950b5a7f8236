package org.wangwu.points.report;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.points.PointsPermissions;
import org.wangwu.points.report.Reports.LeaderboardLine;
import org.wangwu.points.rules.Policies;

/** Leaderboards (star households, 星级文明户). The module's statistics are derived from its daily facts by the platform. */
@Path("/api/v1/counties/{county}/points")
@Tag(name = "Points")
@Authenticated
public class ReportResource {

    @Inject
    TenantTransactions tx;

    @Inject
    Reports reports;

    @Inject
    Policies policies;

    @Inject
    PointsPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("/leaderboards")
    @Operation(summary = "Accounts of a village or township ranked by points earned in a period (2025 or 2025-03; "
            + "omitted: all time), net of deductions, reversals and expired points; spending does not lower a rank",
            description = "The star-household leaderboard (星级文明户) of a village or township: accounts ranked by "
                    + "points earned in a year or month, net of deductions, reversals and expired points. "
                    + "Redeeming points at a supermarket does not lower a rank.")
    public Uni<List<LeaderboardLine>> leaderboard(@PathParam("county") String county,
                                                  @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place,
                                                  @Parameter(description = "A year (2025) or a month (2025-03); left out: all time", example = "2025") @QueryParam("period") @Pattern(regexp = "[0-9]{4}(-[0-9]{2})?") String period,
                                                  @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        Caller caller = currentCaller.get();
        permissions.readCounty(caller);
        CountyCode code = CountyCode.of(county);
        String scope = place != null ? place : caller.reach().isNone() ? code.value() : caller.reach().code();
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> reports.leaderboard(s, code, policy, scope,
                Reports.Period.parse(period), limit == null ? 20 : limit)));
    }
}

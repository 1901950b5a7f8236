package org.wangwu.dashboards.factcheck;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.dashboards.DashboardsModule;
import org.wangwu.dashboards.DashboardsPermissions;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;

/** The facts check of a county: run it now, read what the last run found. */
@Path("/api/v1/counties/{county}/" + DashboardsModule.KEY + "/fact-checks")
@Tag(name = "Dashboards", description = "Province and county figures from the modules' daily facts (aggregates only)")
@Authenticated
public class FactCheckResource {

    @Inject
    FactCheck factCheck;

    @Inject
    DashboardsPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Operation(summary = "Recount every module's facts from its records now and report each difference")
    public Uni<FactCheckRun> run(@PathParam("county") String county) {
        permissions.runJobs(currentCaller.get());
        return factCheck.run(CountyCode.of(county), currentCaller.get());
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The last facts check of the county (by the daily job or by hand) and the differences it found")
    public Uni<FactCheckRun> latest(@PathParam("county") String county) {
        permissions.readFactChecks(currentCaller.get());
        return factCheck.latest(CountyCode.of(county))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Facts check", county));
    }
}

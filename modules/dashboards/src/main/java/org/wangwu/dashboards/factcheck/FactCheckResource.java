package org.wangwu.dashboards.factcheck;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Recount every module's facts from its records now and report each difference",
            description = "Recounts every switched-on module's daily facts from the module's own records now (what "
                    + "the daily facts-check job does) and reports each fact whose recorded value differs from the "
                    + "recount. The check is kept; `Location` names it.")
    @APIResponse(responseCode = "201", description = "The facts check as run, kept with the county's earlier ones",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FactCheckRun.class)))
    public Uni<Response> run(@PathParam("county") String county) {
        permissions.runJobs(currentCaller.get());
        return factCheck.run(CountyCode.of(county), currentCaller.get())
                .map(check -> Response.status(Response.Status.CREATED).entity(check).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One facts check of the county (by the daily job or by hand) and the differences it found",
            description = "One facts check of the county, with the differences it found.")
    public Uni<FactCheckRun> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.readFactChecks(currentCaller.get());
        return factCheck.find(CountyCode.of(county), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Facts check", id.toString()));
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The last facts check of the county (by the daily job or by hand) and the differences it found",
            description = "The county's most recent facts check, by the daily job or by hand, with the differences "
                    + "it found.")
    public Uni<FactCheckRun> latest(@PathParam("county") String county) {
        permissions.readFactChecks(currentCaller.get());
        return factCheck.latest(CountyCode.of(county))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Facts check", county));
    }
}

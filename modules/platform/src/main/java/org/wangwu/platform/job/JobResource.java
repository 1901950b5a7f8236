package org.wangwu.platform.job;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.job.JobViews.JobView;
import org.wangwu.platform.job.JobViews.RunView;
import org.wangwu.platform.tenancy.CountyCode;

/** A module's jobs in a county: what they are, how their last runs went, and running one now. */
@Path("/api/v1/counties/{county}/modules/{module}/jobs")
@Tag(name = "Modules")
@Authenticated
public class JobResource {

    @Inject
    JobService jobs;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The module's jobs with their schedule, next slot and last runs (outcome, things processed)",
            description = "The module's per-county jobs (disclosure ends, expiry, overdue escalation, facts check, "
                    + "...): how often each runs, its next slot, whether it is running now and its last runs with "
                    + "their outcome.")
    public Uni<List<JobView>> list(@PathParam("county") String county, @PathParam("module") String module) {
        return jobs.list(CountyCode.of(county), module, currentCaller.get());
    }

    @POST
    @Path("/{job}")
    @Operation(summary = "Run one of the module's jobs for the county now; answers the recorded run (409 while it runs)",
            description = "Runs one of the module's jobs for the county now, as its schedule would, for whom the module's permissions allow. The run is claimed in the database, so it never runs twice at once across "
                    + "replicas: a run already in progress answers 409.")
    public Uni<RunView> run(@PathParam("county") String county, @PathParam("module") String module,
                            @Parameter(description = "The job's key, as the module's descriptor lists it", example = "disclosure") @PathParam("job") String job) {
        return jobs.runNow(CountyCode.of(county), module, job, currentCaller.get());
    }
}

package org.wangwu.points;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;

/** Runs the module's scheduled jobs for one county now (county administrators; also for operations). */
@Path("/api/v1/counties/{county}/points/jobs")
@Tag(name = "Points")
@Authenticated
public class JobsResource {

    @Inject
    PointsJobs jobs;

    @Inject
    PointsPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Path("/disclosure")
    @Operation(summary = "Post the awards whose disclosure period ended without an open objection")
    public Uni<PointsJobs.JobRun> disclosure(@PathParam("county") String county) {
        permissions.runJobs(currentCaller.get());
        return jobs.postDisclosed(CountyCode.of(county));
    }

    @POST
    @Path("/expiry")
    @Operation(summary = "Expire points whose expiry day has come; safe to run again")
    public Uni<PointsJobs.JobRun> expiry(@PathParam("county") String county) {
        permissions.runJobs(currentCaller.get());
        return jobs.expire(CountyCode.of(county));
    }
}

package org.wangwu.disputes.jobs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;

/** Lets a county administrator run the module's scheduled work now (operations, rehearsals, tests). */
@Path("/api/v1/counties/{county}/disputes/jobs")
@Tag(name = "Disputes")
@Authenticated
public class JobResource {

    @Inject
    DeadlineJob deadlines;

    @Inject
    DisputesPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Path("/overdue")
    @Operation(summary = "Run the deadline job for this county now: mark overdue cases, escalate them as the "
            + "county's settings say, remind of closing judicial-confirmation windows. Safe to run twice")
    public Uni<DeadlineJob.Run> overdue(@PathParam("county") String county) {
        permissions.runJobs(currentCaller.get());
        return deadlines.run(CountyCode.of(county));
    }
}

package org.wangwu.disputes.cases;

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
import org.wangwu.disputes.cases.CaseViews.MediatorWorkbench;
import org.wangwu.disputes.cases.CaseViews.Oversight;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** The views over many cases a role works from: a mediator's workbench, a township's or the county's oversight. */
@Path("/api/v1/counties/{county}/disputes/workbench")
@Tag(name = "Disputes")
@Authenticated
public class WorkbenchResource {

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CaseFiles files;

    @Inject
    CaseQueries queries;

    @GET
    @Path("/mediator")
    @Operation(summary = "A mediator's workbench: my open cases, due soon, overdue, follow-ups due",
            description = "The signed-in mediator's workbench: their open cases, those due soon, those overdue and "
                    + "the follow-up visits due.")
    public Uni<MediatorWorkbench> mediator(@PathParam("county") String county) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.rules(s)
                .chain(rules -> queries.mediatorWorkbench(s, caller, rules.dueSoonDays())));
    }

    @GET
    @Path("/oversight")
    @Operation(summary = "Oversight for a township (its cases) or the county (all): unassigned, overdue, "
            + "follow-ups due, open cases by level",
            description = "Oversight for a township official (their township's cases) or a county administrator "
                    + "(all cases): cases not yet assigned, overdue, follow-ups due, and open cases by level.")
    public Uni<Oversight> oversight(@PathParam("county") String county,
                                    @Parameter(description = "Only open cases at this level", example = "VILLAGE") @QueryParam("level") Level level) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> queries.oversight(s, caller, level));
    }
}

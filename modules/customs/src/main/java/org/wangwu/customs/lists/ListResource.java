package org.wangwu.customs.lists;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.customs.lists.ListService.Appeal;
import org.wangwu.customs.lists.ListService.AppealDecision;
import org.wangwu.customs.lists.ListService.Commendation;
import org.wangwu.customs.lists.ListService.EntryView;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** Red-list commendations, black-list notices and entries, and appeals against them. */
@Path("/api/v1/counties/{county}/customs/list-entries")
@Tag(name = "Customs reform")
@Authenticated
public class ListResource {

    @Inject
    TenantTransactions tx;

    @Inject
    ListService lists;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "Entries on notice or listed in a place (a resident without place: their household's)",
            description = "Red-list and black-list entries on notice or listed in a place; a resident without a "
                    + "place sees their own household's.")
    public Uni<List<EntryView>> current(@PathParam("county") String county,
                                        @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place) {
        return tx.inCounty(CountyCode.of(county), s -> lists.current(s, currentCaller.get(), place));
    }

    @POST
    @Path("/commendations")
    @Operation(summary = "Commend a model household: it is on the red list for the county's number of months",
            description = "The red and white council commends a model household: it is on the red list for the "
                    + "county's number of months.")
    @APIResponse(responseCode = "201", description = "The red-list entry as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    public Uni<Response> commend(@PathParam("county") String county, @Valid @NotNull Commendation in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> lists.commend(s, code, currentCaller.get(), in))
                .map(e -> Response.created(URI.create("/api/v1/counties/" + county + "/customs/list-entries/" + e.id()))
                        .entity(e).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one red-list or black-list entry (a resident: their household's)",
            description = "One red-list or black-list entry in any state, the address a commendation answers with: "
                    + "its list, household, reason, status and dates. Staff in reach and the village's council "
                    + "read it; a resident reads their own household's.")
    @APIResponse(responseCode = "200", description = "The list entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    public Uni<EntryView> get(@PathParam("county") String county,
                              @Parameter(description = "The entry's id", example = "1d3f5a7c-9e1b-4d3f-8a7c-9e1b3d5f7a9c") @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> lists.get(s, currentCaller.get(), id));
    }

    @POST
    @Path("/{id}/appeal")
    @Operation(summary = "The household appeals a black-list notice or entry, inside the county's appeal period",
            description = "A household appeals a black-list notice or entry within the county's appeal period; the "
                    + "entry waits for the decision.")
    public Uni<EntryView> appeal(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull Appeal in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> lists.appeal(s, code, currentCaller.get(), id, in));
    }

    @POST
    @Path("/{id}/appeal/decision")
    @Operation(summary = "The council or the township upholds or overturns an appeal",
            description = "The council or the township decides an appeal: UPHELD keeps the entry, OVERTURNED ends it.")
    public Uni<EntryView> decideAppeal(@PathParam("county") String county, @PathParam("id") UUID id,
                                       @Valid @NotNull AppealDecision in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> lists.decideAppeal(s, code, currentCaller.get(), id, in));
    }
}

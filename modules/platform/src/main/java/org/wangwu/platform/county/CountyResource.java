package org.wangwu.platform.county;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;

/** The platform operator's county registry: onboard, suspend, reactivate, list. */
@Path("/api/v1/platform/counties")
@Tag(name = "Counties", description = "Counties as tenants (platform operators)")
@RolesAllowed("platform-operator")
public class CountyResource {

    @Inject
    CountyService counties;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List onboarded counties, optionally of one province",
            description = "The onboarded counties, optionally of one province, with their status.")
    public Uni<List<CountyView>> list(@Parameter(description = "Only counties of this province (its 2-digit code)", example = "41") @QueryParam("province") @Pattern(regexp = "[0-9]{2}") String province) {
        return counties.list(province).map(list -> list.stream().map(CountyView::of).toList());
    }

    @POST
    @Operation(summary = "Onboard a county as a new tenant",
            description = "A platform operator onboards a pilot county as a tenant, by its 6-digit GB/T 2260 "
                    + "division code (the first two digits are its province). The county starts active with no "
                    + "module switched on; give it a first administrator next.")
    @APIResponse(responseCode = "201", description = "The county as onboarded: active, with no module switched on yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountyView.class)))
    public Uni<Response> onboard(@Valid @NotNull CountyOnboarding request) {
        return counties.onboard(caller.get(), request)
                .map(c -> Response.created(URI.create("/api/v1/platform/counties/" + c.code))
                        .entity(CountyView.of(c)).build());
    }

    @GET
    @Path("/{county}")
    @Operation(summary = "Read one county",
            description = "One onboarded county: names, province, status and why it last changed.")
    public Uni<CountyView> get(@PathParam("county") String county) {
        return counties.find(CountyCode.of(county)).map(CountyView::of);
    }

    @POST
    @Path("/{county}/suspend")
    @Operation(summary = "Suspend a county: its calls are refused with 403, its data is kept",
            description = "Suspends a county: every call of its staff and apps is refused with 403 from the next "
                    + "request on, on every replica. Its data is kept; the reason is recorded on the county and in "
                    + "its audit trail.")
    public Uni<CountyView> suspend(@PathParam("county") String county, @Valid @NotNull StatusChange change) {
        return counties.changeStatus(caller.get(), CountyCode.of(county), County.Status.SUSPENDED, change.reason())
                .map(CountyView::of);
    }

    @POST
    @Path("/{county}/reactivate")
    @Operation(summary = "Reactivate a suspended county",
            description = "Reactivates a suspended county: its staff and apps are served again from the next "
                    + "request on.")
    public Uni<CountyView> reactivate(@PathParam("county") String county,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid StatusChange change) {
        return counties.changeStatus(caller.get(), CountyCode.of(county), County.Status.ACTIVE,
                change == null ? null : change.reason()).map(CountyView::of);
    }

    /** Why a county's status changes; kept on the county and in its audit chain. */
    public record StatusChange(
            @Schema(description = "Why, kept on the county and in its audit trail", examples = "试点评估期间暂停") @Size(max = 500) String reason) {
    }
}

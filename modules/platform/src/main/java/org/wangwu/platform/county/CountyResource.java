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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "List onboarded counties, optionally of one province")
    public Uni<List<CountyView>> list(@QueryParam("province") @Pattern(regexp = "[0-9]{2}") String province) {
        return counties.list(province).map(list -> list.stream().map(CountyView::of).toList());
    }

    @POST
    @Operation(summary = "Onboard a county as a new tenant")
    public Uni<Response> onboard(@Valid @NotNull CountyOnboarding request) {
        return counties.onboard(caller.get(), request)
                .map(c -> Response.created(URI.create("/api/v1/platform/counties/" + c.code))
                        .entity(CountyView.of(c)).build());
    }

    @GET
    @Path("/{county}")
    @Operation(summary = "Read one county")
    public Uni<CountyView> get(@PathParam("county") String county) {
        return counties.find(CountyCode.of(county)).map(CountyView::of);
    }

    @POST
    @Path("/{county}/suspend")
    @Operation(summary = "Suspend a county: its calls are refused with 403, its data is kept")
    public Uni<CountyView> suspend(@PathParam("county") String county, @Valid @NotNull StatusChange change) {
        return counties.changeStatus(caller.get(), CountyCode.of(county), County.Status.SUSPENDED, change.reason())
                .map(CountyView::of);
    }

    @POST
    @Path("/{county}/reactivate")
    @Operation(summary = "Reactivate a suspended county")
    public Uni<CountyView> reactivate(@PathParam("county") String county,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid StatusChange change) {
        return counties.changeStatus(caller.get(), CountyCode.of(county), County.Status.ACTIVE,
                change == null ? null : change.reason()).map(CountyView::of);
    }

    /** Why a county's status changes; kept on the county and in its audit chain. */
    public record StatusChange(@Size(max = 500) String reason) {
    }
}

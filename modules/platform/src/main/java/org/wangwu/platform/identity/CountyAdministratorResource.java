package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.county.CountyService;
import org.wangwu.platform.identity.StaffDirectory.StaffMember;
import org.wangwu.platform.identity.StaffInputs.NewAdministrator;
import org.wangwu.platform.tenancy.CountyCode;

/** The platform operator gives a newly onboarded county its first administrator. */
@Path("/api/v1/platform/counties/{county}/administrators")
@Tag(name = "Counties", description = "Counties as tenants (platform operators)")
@RolesAllowed("platform-operator")
public class CountyAdministratorResource {

    @Inject
    CountyService counties;

    @Inject
    StaffAccounts accounts;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Create a county administrator account for an onboarded county",
            description = "A platform operator gives an onboarded county its first county administrator: a Keycloak "
                    + "user in the county's organization with the county-admin role. That administrator then "
                    + "creates the county's other staff.")
    @APIResponse(responseCode = "201", description = "The new administrator account; `Location` is its address under the county's staff",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffMember.class)))
    public Uni<Response> create(@PathParam("county") String county, @Valid @NotNull NewAdministrator in) {
        CountyCode code = CountyCode.of(county);
        return counties.find(code)
                .chain(found -> accounts.create(caller.get(), code, in.account()))
                .map(m -> Response.created(URI.create("/api/v1/counties/" + county + "/staff/" + m.username()))
                        .entity(m).build());
    }
}

package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.county.CountyService;
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
    @Operation(summary = "Create a county administrator account for an onboarded county")
    public Uni<Response> create(@PathParam("county") String county, @Valid @NotNull NewAdministrator in) {
        CountyCode code = CountyCode.of(county);
        return counties.find(code)
                .chain(found -> accounts.create(caller.get(), code, new StaffAccounts.NewAccount(in.username(),
                        in.firstName(), in.lastName(), in.email(), Set.of(Role.COUNTY_ADMIN.realmRole()), null, null,
                        in.password(), in.temporaryPassword() == null || in.temporaryPassword())))
                .map(m -> Response.created(URI.create("/api/v1/counties/" + county + "/staff/" + m.username()))
                        .entity(m).build());
    }

    /** The county's first administrator; {@code temporaryPassword} (default true) makes them choose their own. */
    @Schema(description = "A county administrator account to create")
    public record NewAdministrator(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}", message = "must be 3-60 lower-case letters, digits, '.', '_' or '-'")
            @Schema(examples = "dongtai-admin") String username,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Email @Size(max = 200) String email,
            @NotNull @Size(min = 8, max = 128) String password,
            Boolean temporaryPassword) {
    }
}

package org.wangwu.platform.identity;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.StaffDirectory.StaffMember;
import org.wangwu.platform.identity.StaffInputs.AccessChange;
import org.wangwu.platform.identity.StaffInputs.NewStaff;
import org.wangwu.platform.identity.StaffInputs.TemporaryPassword;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.web.Page;

/** A county administrator's staff accounts (Keycloak users of the county's organization). */
@Path("/api/v1/counties/{county}/staff")
@Tag(name = "Staff", description = "Staff accounts of a county: roles and reach")
@Authenticated
public class StaffResource {

    @Inject
    StaffAccounts accounts;

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentCaller caller;

    @Inject
    PlatformPermissions permissions;

    @POST
    @Operation(summary = "Create a staff account with county roles, a reach and a first password",
            description = "A county administrator creates a staff account in Keycloak, in the county's "
                    + "organization: county roles only (never platform, provincial or app roles), and a reach of "
                    + "one township or village that must exist in the county's register. With `temporaryPassword` "
                    + "the person must choose a new password at first sign-in.")
    @APIResponse(responseCode = "201", description = "The new staff account with its roles and reach",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffMember.class)))
    public Uni<Response> create(@PathParam("county") String county, @Valid @NotNull NewStaff in) {
        permissions.manageStaff(caller.get());
        return accounts.create(caller.get(), CountyCode.of(county), in.account())
                .map(m -> Response.created(URI.create("/api/v1/counties/" + county + "/staff/" + m.username()))
                        .entity(m).build());
    }

    @GET
    @Operation(summary = "List the county's staff accounts, a page at a time",
            description = "The county's staff accounts (cadres, mediators, grid workers, clerks, administrators) "
                    + "with their roles and reach, a page at a time.")
    public Uni<Page<StaffMember>> list(@PathParam("county") String county, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") Integer limit) {
        permissions.manageStaff(caller.get());
        return directory.list(CountyCode.of(county), cursor, Page.limit(limit));
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Read one staff account",
            description = "One staff account of the county: name, roles, reach, whether it is enabled and whether a "
                    + "password change is pending.")
    public Uni<StaffMember> get(@PathParam("county") String county, @PathParam("username") String username) {
        permissions.manageStaff(caller.get());
        return directory.find(CountyCode.of(county), username)
                .onItem().ifNull().failWith(() -> org.wangwu.platform.error.ProblemException.notFound("Staff member", username));
    }

    @PUT
    @Path("/{username}/access")
    @Operation(summary = "Replace a staff account's county roles and reach",
            description = "Replaces the account's county roles and reach at once; the next token the person gets "
                    + "carries the change. The reach is checked against the county's register.")
    public Uni<StaffMember> changeAccess(@PathParam("county") String county, @PathParam("username") String username,
                                         @Valid @NotNull AccessChange in) {
        permissions.manageStaff(caller.get());
        return accounts.changeAccess(caller.get(), CountyCode.of(county), username, in.access());
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Disable a staff account: it can no longer sign in",
            description = "Disables the account in Keycloak: the person can no longer sign in. Records they made "
                    + "stay as they are.")
    public Uni<StaffMember> disable(@PathParam("county") String county, @PathParam("username") String username) {
        permissions.manageStaff(caller.get());
        return accounts.setEnabled(caller.get(), CountyCode.of(county), username, false);
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Enable a disabled staff account again",
            description = "Enables a disabled account again, with its roles and reach as they were.")
    public Uni<StaffMember> enable(@PathParam("county") String county, @PathParam("username") String username) {
        permissions.manageStaff(caller.get());
        return accounts.setEnabled(caller.get(), CountyCode.of(county), username, true);
    }

    @PUT
    @Path("/{username}/temporary-password")
    @Operation(summary = "Set a temporary password; the person must choose a new one at the next sign-in",
            description = "Sets a temporary password for a person who forgot theirs; Keycloak makes them choose a "
                    + "new one at the next sign-in.")
    public Uni<StaffMember> temporaryPassword(@PathParam("county") String county, @PathParam("username") String username,
                                              @Valid @NotNull TemporaryPassword in) {
        permissions.manageStaff(caller.get());
        return accounts.setTemporaryPassword(caller.get(), CountyCode.of(county), username, in.password());
    }
}

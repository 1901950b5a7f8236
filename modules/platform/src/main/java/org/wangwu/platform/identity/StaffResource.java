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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Create a staff account with county roles, a reach and a first password")
    public Uni<Response> create(@PathParam("county") String county, @Valid @NotNull NewStaff in) {
        permissions.manageStaff(caller.get());
        return accounts.create(caller.get(), CountyCode.of(county), in.account())
                .map(m -> Response.created(URI.create("/api/v1/counties/" + county + "/staff/" + m.username()))
                        .entity(m).build());
    }

    @GET
    @Operation(summary = "List the county's staff accounts, a page at a time")
    public Uni<Page<StaffMember>> list(@PathParam("county") String county, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") Integer limit) {
        permissions.manageStaff(caller.get());
        return directory.list(CountyCode.of(county), cursor, Page.limit(limit));
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Read one staff account")
    public Uni<StaffMember> get(@PathParam("county") String county, @PathParam("username") String username) {
        permissions.manageStaff(caller.get());
        return directory.find(CountyCode.of(county), username)
                .onItem().ifNull().failWith(() -> org.wangwu.platform.error.ProblemException.notFound("Staff member", username));
    }

    @PUT
    @Path("/{username}/access")
    @Operation(summary = "Replace a staff account's county roles and reach")
    public Uni<StaffMember> changeAccess(@PathParam("county") String county, @PathParam("username") String username,
                                         @Valid @NotNull AccessChange in) {
        permissions.manageStaff(caller.get());
        return accounts.changeAccess(caller.get(), CountyCode.of(county), username, in.access());
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Disable a staff account: it can no longer sign in")
    public Uni<StaffMember> disable(@PathParam("county") String county, @PathParam("username") String username) {
        permissions.manageStaff(caller.get());
        return accounts.setEnabled(caller.get(), CountyCode.of(county), username, false);
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Enable a disabled staff account again")
    public Uni<StaffMember> enable(@PathParam("county") String county, @PathParam("username") String username) {
        permissions.manageStaff(caller.get());
        return accounts.setEnabled(caller.get(), CountyCode.of(county), username, true);
    }

    @PUT
    @Path("/{username}/temporary-password")
    @Operation(summary = "Set a temporary password; the person must choose a new one at the next sign-in")
    public Uni<StaffMember> temporaryPassword(@PathParam("county") String county, @PathParam("username") String username,
                                              @Valid @NotNull TemporaryPassword in) {
        permissions.manageStaff(caller.get());
        return accounts.setTemporaryPassword(caller.get(), CountyCode.of(county), username, in.password());
    }
}

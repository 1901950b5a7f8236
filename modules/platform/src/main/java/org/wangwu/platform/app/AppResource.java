package org.wangwu.platform.app;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.tenancy.CountyCode;

/** A county administrator's third-party apps: register, change modules and rate limit, rotate, revoke. */
@Path("/api/v1/counties/{county}/apps")
@Tag(name = "Apps", description = "Third-party apps of a county: client credentials, modules, rate limits")
@Authenticated
public class AppResource {

    @Inject
    AppRegistry apps;

    @Inject
    CurrentCaller caller;

    @Inject
    PlatformPermissions permissions;

    @POST
    @Operation(summary = "Register an app: a confidential client of the county; its secret is shown only in this answer",
            description = "A county administrator registers a third-party app (a village-affairs mini program, a "
                    + "county hotline system): the platform creates a confidential Keycloak client that may only "
                    + "use the client-credentials grant, makes its service account a member of the county and "
                    + "gives it one `module:<key>` scope per module named. Keep the `clientSecret` of this answer: "
                    + "it is never shown again (rotate it if it is lost).")
    @APIResponse(responseCode = "201", description = "The registered app with its client id and, this once, its client secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    public Uni<Response> register(@PathParam("county") String county, @Valid @NotNull NewApp in) {
        permissions.manageApps(caller.get());
        return apps.register(caller.get(), CountyCode.of(county), in.name(), in.contactEmail(), in.modules(),
                        in.requestsPerMinute())
                .map(r -> Response.created(URI.create("/api/v1/counties/" + county + "/apps/" + r.app().id))
                        .entity(AppView.of(r.app(), r.secret())).build());
    }

    @GET
    @Operation(summary = "List the county's apps, revoked ones included (without secrets)",
            description = "Every app the county has registered, revoked ones included, so that an administrator can "
                    + "see who had access and when it ended. Secrets are never listed.")
    public Uni<List<AppView>> list(@PathParam("county") String county) {
        permissions.manageApps(caller.get());
        return apps.list(CountyCode.of(county)).map(list -> list.stream().map(a -> AppView.of(a, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one app (without its secret)",
            description = "One registered app: its client id, modules, rate limit and status. The secret is not shown.")
    public Uni<AppView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageApps(caller.get());
        return apps.find(CountyCode.of(county), id).map(a -> AppView.of(a, null));
    }

    @PUT
    @Path("/{id}/modules")
    @Operation(summary = "Replace the modules an app may use; a module taken away is refused at once",
            description = "Replaces the list of modules the app may call. The county gate reads the registry on "
                    + "every call, so a module taken away is refused (403) from the next request on, before the "
                    + "app's current token expires.")
    public Uni<AppView> changeModules(@PathParam("county") String county, @PathParam("id") UUID id,
                                      @Valid @NotNull ModulesChange in) {
        permissions.manageApps(caller.get());
        return apps.changeModules(caller.get(), CountyCode.of(county), id, in.modules()).map(a -> AppView.of(a, null));
    }

    @PUT
    @Path("/{id}/rate-limit")
    @Operation(summary = "Set how many requests a minute the app may make; beyond it, 429 with Retry-After",
            description = "Sets the app's requests per minute. The count is kept in the database, so the limit "
                    + "holds across every replica; over it the app gets 429 with `Retry-After`.")
    public Uni<AppView> changeRateLimit(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Valid @NotNull RateLimit in) {
        permissions.manageApps(caller.get());
        return apps.changeRateLimit(caller.get(), CountyCode.of(county), id, in.requestsPerMinute())
                .map(a -> AppView.of(a, null));
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the app's client secret; the new one is shown only in this answer",
            description = "Issues a new client secret and invalidates the old one. The new secret is shown only in "
                    + "this answer; the app must use it for its next token request.")
    public Uni<AppView> rotateSecret(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageApps(caller.get());
        return apps.rotateSecret(caller.get(), CountyCode.of(county), id).map(r -> AppView.of(r.app(), r.secret()));
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke an app: its tokens are refused at once and no new ones are issued",
            description = "Revokes the app for good: its Keycloak client is deleted, so no new token is issued, "
                    + "and the county gate refuses the app's existing tokens at once. The registration stays "
                    + "listed as REVOKED.")
    public Uni<AppView> revoke(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageApps(caller.get());
        return apps.revoke(caller.get(), CountyCode.of(county), id).map(a -> AppView.of(a, null));
    }

    /** An app to register. */
    @Schema(description = "A third-party app to register")
    public record NewApp(
            @NotBlank @Size(max = 200) @Schema(description = "The app's name as the county knows it", examples = "村务公开小程序") String name,
            @NotNull @Email @Size(max = 200) @Schema(description = "Whom the county contacts about the app", examples = "dev@apps.example.org") String contactEmail,
            @Schema(description = "The module keys the app may call, each switched on in the county") @NotEmpty @Size(max = 20) List<@NotNull String> modules,
            @Schema(description = "Requests a minute (default 600)", examples = "600") @Min(1) @Max(100000) Integer requestsPerMinute) {
    }

    /** The modules an app may use from now on. */
    public record ModulesChange(
            @Schema(description = "The module keys the app may call from now on") @NotEmpty @Size(max = 20) List<@NotNull String> modules) {
    }

    /** Requests a minute, counted across every replica. */
    public record RateLimit(
            @Schema(description = "Requests a minute the app may make", examples = "1200") @NotNull @Min(1) @Max(100000) Integer requestsPerMinute) {
    }

    /** An app as the county sees it; {@code clientSecret} only right after registration or rotation. */
    @Schema(description = "A registered third-party app")
    public record AppView(
            @Schema(description = "The registration's id") UUID id,
            @Schema(description = "The Keycloak client id the app requests its tokens with", examples = "app-419001-cwgk") String clientId,
            @Schema(description = "The app's name as the county knows it", examples = "村务公开小程序") String name,
            @Schema(description = "Whom the county contacts about the app", examples = "dev@apps.example.org") String contactEmail,
            @Schema(description = "The modules the app may call (one token scope each)") List<String> modules,
            @Schema(description = "Requests a minute the app may make across all replicas", examples = "600") int requestsPerMinute,
            @Schema(description = "ACTIVE, or REVOKED once revoked") AppRegistration.Status status,
            @Schema(description = "Who registered the app", examples = "jiyuan-admin") String createdBy,
            @Schema(description = "When it was registered") Instant createdAt,
            @Schema(description = "When the secret was last rotated, if ever") Instant secretRotatedAt,
            @Schema(description = "When it was revoked, if it was") Instant revokedAt,
            @Schema(description = "The client secret: only in the answer to registration or rotation, never again", examples = "k3J9x2QmV7pL0sRt8uYw4zAb6cDe1FgH") String clientSecret) {
        static AppView of(AppRegistration a, String secret) {
            return new AppView(a.id, a.clientId, a.name, a.contactEmail, a.moduleKeys(), a.requestsPerMinute, a.status,
                    a.createdBy, a.createdAt, a.secretRotatedAt, a.revokedAt, secret);
        }
    }
}

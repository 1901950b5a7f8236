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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Operation(summary = "Register an app: a confidential client of the county; its secret is shown only in this answer")
    public Uni<Response> register(@PathParam("county") String county, @Valid @NotNull NewApp in) {
        permissions.manageApps(caller.get());
        return apps.register(caller.get(), CountyCode.of(county), in.name(), in.contactEmail(), in.modules(),
                        in.requestsPerMinute())
                .map(r -> Response.created(URI.create("/api/v1/counties/" + county + "/apps/" + r.app().id))
                        .entity(AppView.of(r.app(), r.secret())).build());
    }

    @GET
    @Operation(summary = "List the county's apps, revoked ones included (without secrets)")
    public Uni<List<AppView>> list(@PathParam("county") String county) {
        permissions.manageApps(caller.get());
        return apps.list(CountyCode.of(county)).map(list -> list.stream().map(a -> AppView.of(a, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one app (without its secret)")
    public Uni<AppView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageApps(caller.get());
        return apps.find(CountyCode.of(county), id).map(a -> AppView.of(a, null));
    }

    @PUT
    @Path("/{id}/modules")
    @Operation(summary = "Replace the modules an app may use; a module taken away is refused at once")
    public Uni<AppView> changeModules(@PathParam("county") String county, @PathParam("id") UUID id,
                                      @Valid @NotNull ModulesChange in) {
        permissions.manageApps(caller.get());
        return apps.changeModules(caller.get(), CountyCode.of(county), id, in.modules()).map(a -> AppView.of(a, null));
    }

    @PUT
    @Path("/{id}/rate-limit")
    @Operation(summary = "Set how many requests a minute the app may make; beyond it, 429 with Retry-After")
    public Uni<AppView> changeRateLimit(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Valid @NotNull RateLimit in) {
        permissions.manageApps(caller.get());
        return apps.changeRateLimit(caller.get(), CountyCode.of(county), id, in.requestsPerMinute())
                .map(a -> AppView.of(a, null));
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the app's client secret; the new one is shown only in this answer")
    public Uni<AppView> rotateSecret(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageApps(caller.get());
        return apps.rotateSecret(caller.get(), CountyCode.of(county), id).map(r -> AppView.of(r.app(), r.secret()));
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke an app: its tokens are refused at once and no new ones are issued")
    public Uni<AppView> revoke(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageApps(caller.get());
        return apps.revoke(caller.get(), CountyCode.of(county), id).map(a -> AppView.of(a, null));
    }

    /** An app to register. */
    @Schema(description = "A third-party app to register")
    public record NewApp(
            @NotBlank @Size(max = 200) @Schema(examples = "村务公开小程序") String name,
            @NotNull @Email @Size(max = 200) @Schema(examples = "dev@apps.example.org") String contactEmail,
            @NotEmpty @Size(max = 20) List<@NotNull String> modules,
            @Min(1) @Max(100000) Integer requestsPerMinute) {
    }

    /** The modules an app may use from now on. */
    public record ModulesChange(@NotEmpty @Size(max = 20) List<@NotNull String> modules) {
    }

    /** Requests a minute, counted across every replica. */
    public record RateLimit(@NotNull @Min(1) @Max(100000) Integer requestsPerMinute) {
    }

    /** An app as the county sees it; {@code clientSecret} only right after registration or rotation. */
    @Schema(description = "A registered third-party app")
    public record AppView(UUID id, String clientId, String name, String contactEmail, List<String> modules,
                          int requestsPerMinute, AppRegistration.Status status, String createdBy, Instant createdAt,
                          Instant secretRotatedAt, Instant revokedAt, String clientSecret) {
        static AppView of(AppRegistration a, String secret) {
            return new AppView(a.id, a.clientId, a.name, a.contactEmail, a.moduleKeys(), a.requestsPerMinute, a.status,
                    a.createdBy, a.createdAt, a.secretRotatedAt, a.revokedAt, secret);
        }
    }
}

package org.wangwu.platform.module;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** A county administrator's view of the modules: switch on or off, read and change settings. */
@Path("/api/v1/counties/{county}/modules")
@Tag(name = "Modules", description = "Functional modules per county: switches, settings and their history")
@Authenticated
public class ModuleResource {

    @Inject
    ModuleService modules;

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PlatformPermissions permissions;

    @GET
    @Operation(summary = "List the modules of this build and whether the county has each switched on")
    public Uni<List<ModuleState>> list(@PathParam("county") String county) {
        permissions.readModules(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), modules::list);
    }

    @GET
    @Path("/{module}")
    @Operation(summary = "Read one module's descriptor (settings, roles, events, statistics) and state")
    public Uni<ModuleDetail> get(@PathParam("county") String county, @PathParam("module") String module) {
        permissions.readModules(currentCaller.get());
        ModuleDescriptor d = modules.descriptor(module);
        return tx.inCounty(CountyCode.of(county), s -> modules.state(s, module)).map(state -> new ModuleDetail(state, d));
    }

    @PUT
    @Path("/{module}/status")
    @Operation(summary = "Switch a module on or off for the county; takes effect at once")
    public Uni<ModuleState> switchModule(@PathParam("county") String county, @PathParam("module") String module,
                                         @Valid @NotNull ModuleSwitch request) {
        Caller caller = currentCaller.get();
        permissions.manageModules(caller);
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> modules.setEnabled(s, code, caller, module, request.enabled()));
    }

    @GET
    @Path("/{module}/settings")
    @Operation(summary = "Read the county's effective settings of a module (defaults where not set)")
    public Uni<CountySettings> settings(@PathParam("county") String county, @PathParam("module") String module) {
        permissions.readModules(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> modules.settings(s, module));
    }

    @PUT
    @Path("/{module}/settings")
    @Operation(summary = "Save new settings; refused with 409 when the revision edited is no longer current")
    public Uni<CountySettings> updateSettings(@PathParam("county") String county, @PathParam("module") String module,
                                              @Valid @NotNull SettingsUpdate request) {
        Caller caller = currentCaller.get();
        permissions.manageModules(caller);
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> modules.updateSettings(s, code, caller, module, request.revision(),
                request.values()));
    }

    @GET
    @Path("/{module}/settings/history")
    @Operation(summary = "Every saved revision of the county's settings of a module, newest first")
    public Uni<List<ModuleService.RevisionView>> history(@PathParam("county") String county,
                                                         @PathParam("module") String module) {
        permissions.readModules(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> modules.history(s, module));
    }

    /** Turns a module on or off. */
    public record ModuleSwitch(@NotNull Boolean enabled) {
    }

    /** New values for some or all settings, and the revision they were edited from. */
    public record SettingsUpdate(@NotNull @Min(0) Integer revision, @NotNull ObjectNode values) {
    }

    /** A module's state in the county with everything its descriptor declares. */
    public record ModuleDetail(ModuleState state, ModuleDescriptor descriptor) {
    }
}

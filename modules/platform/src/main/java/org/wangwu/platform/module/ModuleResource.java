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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Operation(summary = "List the modules of this build and whether the county has each switched on",
            description = "Every functional module this platform build has (points, disputes, customs, "
                    + "consultation, dashboards, ...) and whether the county has switched it on. A module switched "
                    + "off answers 404 on its paths for this county.")
    public Uni<List<ModuleState>> list(@PathParam("county") String county) {
        permissions.readModules(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), modules::list);
    }

    @GET
    @Path("/{module}")
    @Operation(summary = "Read one module's descriptor (settings, roles, events, statistics) and state",
            description = "What a module is and what it needs, read from its descriptor: its settings with types, "
                    + "defaults and limits, the roles it knows, its jobs, the events it publishes and consumes, "
                    + "its facts and statistics; and the county's state of it (switched on, settings revision).")
    public Uni<ModuleDetail> get(@PathParam("county") String county, @PathParam("module") String module) {
        permissions.readModules(currentCaller.get());
        ModuleDescriptor d = modules.descriptor(module);
        return tx.inCounty(CountyCode.of(county), s -> modules.state(s, module)).map(state -> new ModuleDetail(state, d));
    }

    @PUT
    @Path("/{module}/status")
    @Operation(summary = "Switch a module on or off for the county; takes effect at once",
            description = "Switches a module on or off for the county (county administrators). It takes effect from "
                    + "the next request on every replica, without a restart; a module switched off answers 404 for "
                    + "the county and keeps its data.")
    public Uni<ModuleState> switchModule(@PathParam("county") String county, @PathParam("module") String module,
                                         @Valid @NotNull ModuleSwitch request) {
        Caller caller = currentCaller.get();
        permissions.manageModules(caller);
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> modules.setEnabled(s, code, caller, module, request.enabled()));
    }

    @GET
    @Path("/{module}/settings")
    @Operation(summary = "Read the county's effective settings of a module (defaults where not set)",
            description = "The settings in force for the county: what the county saved, and the module's defaults "
                    + "for what it did not. `revision` is what a change must send back.")
    public Uni<CountySettings> settings(@PathParam("county") String county, @PathParam("module") String module) {
        permissions.readModules(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> modules.settings(s, module));
    }

    @PUT
    @Path("/{module}/settings")
    @Operation(summary = "Save new settings; refused with 409 when the revision edited is no longer current",
            description = "Saves the county's rules for a module (caps, deadlines, quorum thresholds, point values, "
                    + "...) as a new revision. Send the `revision` you edited: if someone saved in between, the "
                    + "answer is 409 and nothing changes. Each value is checked against the module's setting "
                    + "definition (400 names the field).")
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
    @Operation(summary = "Every saved revision of the county's settings of a module, newest first",
            description = "Every saved revision of the county's settings for a module, newest first, with who saved "
                    + "it, when, and the request that did; so that a county can show which rules held on a given "
                    + "day.")
    public Uni<List<ModuleService.RevisionView>> history(@PathParam("county") String county,
                                                         @PathParam("module") String module) {
        permissions.readModules(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> modules.history(s, module));
    }

    /** Turns a module on or off. */
    public record ModuleSwitch(
            @Schema(description = "true to switch the module on for the county, false to switch it off", examples = "true") @NotNull Boolean enabled) {
    }

    /** New values for some or all settings, and the revision they were edited from. */
    public record SettingsUpdate(
            @Schema(description = "The revision edited (as read); a newer one in between is a 409", examples = "3") @NotNull @Min(0) Integer revision,
            @Schema(description = "The settings to change, by key; the others keep their value") @NotNull ObjectNode values) {
    }

    /** A module's state in the county with everything its descriptor declares. */
    public record ModuleDetail(
            @Schema(description = "The county's state of the module") ModuleState state,
            @Schema(description = "The module's descriptor") ModuleDescriptor descriptor) {
    }
}

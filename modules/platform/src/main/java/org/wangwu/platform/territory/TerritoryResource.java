package org.wangwu.platform.territory;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.RegisterImport.ImportResult;
import org.wangwu.platform.territory.TerritoryViews.GroupView;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.PersonalDataView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.territory.TerritoryViews.TownshipView;
import org.wangwu.platform.territory.TerritoryViews.VillageView;
import org.wangwu.platform.web.Page;

/** A county's register of people and places: townships, villages, groups, households, residents. */
@Path("/api/v1/counties/{county}/territory")
@Tag(name = "Territory", description = "People and places of a county, with CSV import")
@Authenticated
public class TerritoryResource {

    private static final String VILLAGE_CODE = "[0-9]{12}";

    @Inject
    TerritoryService territory;

    @Inject
    RegisterImport registers;

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PlatformPermissions permissions;

    @POST
    @Path("/imports/{register}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a register from CSV (UTF-8, header row); a file with any bad row changes nothing "
            + "and the problem lists every bad row",
            description = "Imports a whole register from a CSV file (UTF-8 with a header row; the columns are the "
                    + "fields of the single add). The import is all or nothing: a file with any bad row changes "
                    + "nothing, and the 400 problem lists every bad row with its row number.")
    public Uni<ImportResult> importCsv(@PathParam("county") String county,
                                       @Parameter(description = "Which register the file holds: townships, villages, groups, households or residents", example = "households") @PathParam("register") String register,
                                       String csv) {
        RegisterKind kind = RegisterKind.fromPath(register);
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalidField("file", "is empty");
        }
        return add(county, kind, RegisterImport.parseCsv(csv, kind), true);
    }

    @GET
    @Path("/townships")
    @Operation(summary = "List townships within the caller's reach",
            description = "The county's townships (乡镇), or only the caller's township for staff with a township or "
                    + "village reach.")
    public Uni<List<TownshipView>> townships(@PathParam("county") String county) {
        return read(county, (s, c) -> territory.townships(s, c));
    }

    @POST
    @Path("/townships")
    @Operation(summary = "Add a township",
            description = "Adds a township to the county's register, by its 9-digit division code.")
    @APIResponse(responseCode = "201", description = "The township added to the register; `ids` holds its id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public Uni<Response> addTownship(@PathParam("county") String county, @Valid @NotNull RegisterInputs.NewTownship in) {
        return created(county, RegisterKind.TOWNSHIPS, in.row());
    }

    @GET
    @Path("/townships/{id}")
    @Operation(summary = "Read a township",
            description = "One township of the register, the address a township's add answers with. Staff read the "
                    + "townships within their reach (village staff their own township).")
    @APIResponse(responseCode = "200", description = "The township",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TownshipView.class)))
    public Uni<TownshipView> township(@PathParam("county") String county,
                                      @Parameter(description = "The township's id", example = "2f6b1c9e-4a3d-4e8b-9c1a-5d7e3f2a1b0c") @PathParam("id") String id) {
        UUID townshipId = uuid("id", id);
        return read(county, (s, c) -> territory.township(s, c, townshipId));
    }

    @GET
    @Path("/villages")
    @Operation(summary = "List villages within the caller's reach, optionally of one township",
            description = "The villages and communities within the caller's reach, optionally of one township.")
    public Uni<List<VillageView>> villages(@PathParam("county") String county,
                                           @QueryParam("township") @Pattern(regexp = "[0-9]{9}") String township) {
        return read(county, (s, c) -> territory.villages(s, c, township));
    }

    @POST
    @Path("/villages")
    @Operation(summary = "Add a village or community",
            description = "Adds a village (行政村) or community to a township of the register, by its 12-digit "
                    + "statistical division code.")
    @APIResponse(responseCode = "201", description = "The village added to the register; `ids` holds its id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public Uni<Response> addVillage(@PathParam("county") String county, @Valid @NotNull RegisterInputs.NewVillage in) {
        return created(county, RegisterKind.VILLAGES, in.row());
    }

    @GET
    @Path("/villages/{id}")
    @Operation(summary = "Read a village or community",
            description = "One village or community of the register by its id, the address a village's add answers "
                    + "with. Staff read the villages within their reach.")
    @APIResponse(responseCode = "200", description = "The village or community",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VillageView.class)))
    public Uni<VillageView> village(@PathParam("county") String county,
                                    @Parameter(description = "The village's id (not its division code)", example = "7c1e2d3f-5a6b-4c8d-9e0f-1a2b3c4d5e6f") @PathParam("id") String id) {
        UUID villageId = uuid("id", id);
        return read(county, (s, c) -> territory.village(s, c, villageId));
    }

    @GET
    @Path("/villages/{village}/groups")
    @Operation(summary = "List a village's villager groups and grids",
            description = "A village's villager groups and grids.")
    public Uni<List<GroupView>> groups(@PathParam("county") String county,
                                       @PathParam("village") @Pattern(regexp = VILLAGE_CODE) String village) {
        return read(county, (s, c) -> territory.groups(s, c, village));
    }

    @POST
    @Path("/groups")
    @Operation(summary = "Add a villager group or grid",
            description = "Adds a villager group (村民小组) or grid (网格) to a village of the register. County "
                    + "administrators only.")
    @APIResponse(responseCode = "201", description = "The villager group or grid added to the register; `ids` holds its id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public Uni<Response> addGroup(@PathParam("county") String county, @Valid @NotNull RegisterInputs.NewGroup in) {
        return created(county, RegisterKind.GROUPS, in.row());
    }

    @GET
    @Path("/groups/{id}")
    @Operation(summary = "Read a villager group or grid",
            description = "One villager group or grid by its id, the address a group's add answers with. Staff "
                    + "read the groups of the villages within their reach.")
    @APIResponse(responseCode = "200", description = "The villager group or grid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupView.class)))
    public Uni<GroupView> group(@PathParam("county") String county,
                                @Parameter(description = "The group's id", example = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a") @PathParam("id") String id) {
        UUID groupId = uuid("id", id);
        return read(county, (s, c) -> territory.group(s, c, groupId));
    }

    @GET
    @Path("/villages/{village}/households")
    @Operation(summary = "List a village's households by number, a page at a time",
            description = "A village's households ordered by their number, a page at a time.")
    public Uni<Page<HouseholdView>> households(@PathParam("county") String county,
                                               @PathParam("village") @Pattern(regexp = VILLAGE_CODE) String village,
                                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int pageSize = Page.limit(limit);
        return read(county, (s, c) -> territory.households(s, c, village, cursor, pageSize));
    }

    @POST
    @Path("/households")
    @Operation(summary = "Add a household",
            description = "Adds a household (户) to a village, with its number in the village and optionally its "
                    + "group and address. Points accounts and pledges hang on households.")
    @APIResponse(responseCode = "201", description = "The household added to the register; `ids` holds its id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public Uni<Response> addHousehold(@PathParam("county") String county, @Valid @NotNull RegisterInputs.NewHousehold in) {
        return created(county, RegisterKind.HOUSEHOLDS, in.row());
    }

    @GET
    @Path("/households/{id}")
    @Operation(summary = "Read a household",
            description = "One household by its id, the address a household's add answers with. Staff read the "
                    + "households of the villages within their reach.")
    @APIResponse(responseCode = "200", description = "The household",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class)))
    public Uni<HouseholdView> household(@PathParam("county") String county,
                                        @Parameter(description = "The household's id", example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b") @PathParam("id") String id) {
        UUID householdId = uuid("id", id);
        return read(county, (s, c) -> territory.household(s, c, householdId));
    }

    @GET
    @Path("/villages/{village}/residents")
    @Operation(summary = "List a village's residents (ID numbers and phones masked), a page at a time",
            description = "A village's residents, a page at a time, ID numbers and phones masked; "
                    + "`representative=true` lists only the villagers' representatives (for a representatives' "
                    + "meeting sign-in).")
    public Uni<Page<ResidentView>> residents(@PathParam("county") String county,
                                             @PathParam("village") @Pattern(regexp = VILLAGE_CODE) String village,
                                             @Parameter(description = "true: only villagers' representatives; false: only the others; left out: everyone", example = "true") @QueryParam("representative") Boolean representative,
                                             @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int pageSize = Page.limit(limit);
        UUID after = cursor == null ? null : uuid("cursor", cursor);
        return read(county, (s, c) -> territory.residents(s, c, village, representative, after, pageSize));
    }

    @POST
    @Path("/residents")
    @Operation(summary = "Add a resident to a household",
            description = "Adds a resident (村民) to a household of the register. The ID number and phone are stored "
                    + "encrypted and shown masked everywhere except the audited personal-data read.")
    @APIResponse(responseCode = "201", description = "The resident added to the register; `ids` holds their id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public Uni<Response> addResident(@PathParam("county") String county, @Valid @NotNull RegisterInputs.NewResident in) {
        return created(county, RegisterKind.RESIDENTS, in.row());
    }

    @GET
    @Path("/residents/{id}")
    @Operation(summary = "Read a resident (ID number and phone masked)",
            description = "One resident of the register, with the ID number and phone masked (4101**********1234). "
                    + "Staff read residents within their reach.")
    public Uni<ResidentView> resident(@PathParam("county") String county, @PathParam("id") String id) {
        UUID residentId = uuid("id", id);
        return read(county, (s, c) -> territory.resident(s, c, residentId));
    }

    @GET
    @Path("/residents/{id}/personal-data")
    @Operation(summary = "Read a resident's unmasked ID number and phone (county administrators; audited)",
            description = "The resident's full ID number and phone, for a county administrator who needs them. "
                    + "Every read writes an audit record naming who read them (Personal Information Protection "
                    + "Law).")
    public Uni<PersonalDataView> personalData(@PathParam("county") String county, @PathParam("id") String id) {
        UUID residentId = uuid("id", id);
        CountyCode code = CountyCode.of(county);
        Caller caller = currentCaller.get();
        return tx.inCounty(code, s -> territory.personalData(s, code, caller, residentId));
    }

    @jakarta.ws.rs.PUT
    @Path("/residents/{id}/account")
    @Operation(summary = "Link a resident to the Keycloak username they sign in with (county administrators)",
            description = "Links a resident of the register to the Keycloak username they sign in with, so that "
                    + "their own points account, suggestions and disputes follow them. County administrators only.")
    public Uni<ResidentView> linkAccount(@PathParam("county") String county, @PathParam("id") String id,
                                         @Valid @NotNull AccountLink link) {
        UUID residentId = uuid("id", id);
        CountyCode code = CountyCode.of(county);
        Caller caller = currentCaller.get();
        return tx.inCounty(code, s -> territory.linkAccount(s, code, caller, residentId, link.username()));
    }

    /** The login a resident signs in with. */
    public record AccountLink(
            @Schema(description = "The Keycloak username the resident signs in with", examples = "wang.xiuying") @NotNull @Pattern(regexp = "[a-zA-Z0-9._@-]{3,100}") String username) {
    }

    private <T> Uni<T> read(String county, java.util.function.BiFunction<org.hibernate.reactive.mutiny.Mutiny.Session, Caller, Uni<T>> work) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> work.apply(s, caller));
    }

    private Uni<Response> created(String county, RegisterKind kind, Map<String, String> row) {
        return add(county, kind, List.of(row), false)
                .map(result -> Response.created(URI.create("/api/v1/counties/" + county + "/territory/" + kind.pathName()
                        + "/" + result.ids().get(0))).entity(result).build());
    }

    private Uni<ImportResult> add(String county, RegisterKind kind, List<Map<String, String>> rows, boolean numbered) {
        Caller caller = currentCaller.get();
        permissions.manageTerritory(caller);
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registers.add(s, code, caller, kind, rows, numbered));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "is not an id this API issued");
        }
    }
}

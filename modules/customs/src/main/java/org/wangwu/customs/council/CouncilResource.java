package org.wangwu.customs.council;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.customs.council.CouncilService.Leaving;
import org.wangwu.customs.council.CouncilService.MemberView;
import org.wangwu.customs.council.CouncilService.NewMember;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** The red and white council (红白理事会) of a village: its sitting members and their roles. */
@Path("/api/v1/counties/{county}/customs/villages/{village}/council")
@Tag(name = "Customs reform")
@Authenticated
public class CouncilResource {

    @Inject
    TenantTransactions tx;

    @Inject
    CouncilService council;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The council's sitting members, by role",
            description = "The sitting members of the village's red and white council, by role (chair, deputy "
                    + "chair, secretary, members).")
    public Uni<List<MemberView>> members(@PathParam("county") String county,
                                         @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village) {
        return tx.inCounty(CountyCode.of(county), s -> council.members(s, village));
    }

    @GET
    @Path("/{member}")
    @Operation(summary = "Read one member of the council, sitting or left",
            description = "One member of the village's red and white council, the address seating them answers "
                    + "with: their role, login and, once they have left, the day they left. Readable as the "
                    + "council's members are.")
    @APIResponse(responseCode = "200", description = "The council member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    public Uni<MemberView> member(@PathParam("county") String county,
                                  @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                  @Parameter(description = "The council member's id", example = "6b8d0f2a-4c6e-4b8d-9f1a-3c5e7a9b1d3f") @PathParam("member") UUID member) {
        return tx.inCounty(CountyCode.of(county), s -> council.member(s, village, member));
    }

    @POST
    @Operation(summary = "Seat a member: a resident of the village with a linked login, or a staff login",
            description = "Seats a council member: a resident of the village with a linked login, or a staff login.")
    @APIResponse(responseCode = "201", description = "The council member as seated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    public Uni<Response> add(@PathParam("county") String county,
                             @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                             @Valid @NotNull NewMember in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> council.add(s, code, currentCaller.get(), village, in))
                .map(m -> Response.status(201).entity(m).build());
    }

    @POST
    @Path("/{member}/leaving")
    @Operation(summary = "A member leaves the council",
            description = "A member leaves the council, with the reason; the record of their membership is kept.")
    public Uni<MemberView> leave(@PathParam("county") String county,
                                 @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                 @Parameter(description = "The council member's id", example = "6b8d0f2a-4c6e-4b8d-9f1a-3c5e7a9b1d3f") @PathParam("member") UUID member,
                                 @Valid @NotNull Leaving in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> council.remove(s, code, currentCaller.get(), village, member, in));
    }
}

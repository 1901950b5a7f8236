package org.wangwu.consultation.body;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.consultation.body.BodyService.MemberView;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** The standing bodies of a village (party branch, two committees, supervision committee), kept by its cadres. */
@Path("/api/v1/counties/{county}/consultation/villages/{village}/bodies")
@Tag(name = "Consultation")
@Authenticated
public class BodyResource {

    /** A seat on a body; the position as the village writes it (书记, 委员, 主任...). */
    public record Seat(
            @Schema(description = "The position on the body", examples = "委员") @Size(max = 60) String position) {
    }

    @Inject
    TenantTransactions tx;

    @Inject
    BodyService bodies;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The members of the village's standing bodies",
            description = "The members of the village's standing bodies (party branch, two committees, village "
                    + "affairs supervision committee), as the cadres keep them from the register. Attendance at "
                    + "their meetings is checked against these lists.")
    public Uni<List<MemberView>> members(@PathParam("county") String county, @PathParam("village") String village) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> bodies.members(s, caller, village));
    }

    @PUT
    @Path("/{body}/members/{resident}")
    @Operation(summary = "Seat a villager of the register on a standing body (or change their position)",
            description = "Seats a villager of the register on a standing body of the village, or changes their "
                    + "position (secretary, director, member, ...).")
    public Uni<MemberView> seat(@PathParam("county") String county, @PathParam("village") String village,
                                @Parameter(description = "The standing body", example = "TWO_COMMITTEES") @PathParam("body") Body body,
                                @Parameter(description = "The villager (a resident of the register)", example = "8c0e2a4b-6d8f-4a1c-8e2a-4c6e8a0b2d4f") @PathParam("resident") UUID resident,
                                @Valid @NotNull Seat in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> bodies.seat(s, code, caller, village, body, resident, in.position()));
    }

    @DELETE
    @Path("/{body}/members/{resident}")
    @Operation(summary = "Remove a villager from a standing body",
            description = "Removes a villager from a standing body of the village.")
    @APIResponse(responseCode = "204", description = "The villager no longer sits on the body; nothing comes back")
    public Uni<Response> unseat(@PathParam("county") String county, @PathParam("village") String village,
                                @Parameter(description = "The standing body", example = "SUPERVISION_COMMITTEE") @PathParam("body") Body body,
                                @Parameter(description = "The villager (a resident of the register)", example = "8c0e2a4b-6d8f-4a1c-8e2a-4c6e8a0b2d4f") @PathParam("resident") UUID resident) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> bodies.unseat(s, code, caller, village, body, resident))
                .replaceWith(Response.noContent().build());
    }
}

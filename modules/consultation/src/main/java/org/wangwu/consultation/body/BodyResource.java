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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public record Seat(@Size(max = 60) String position) {
    }

    @Inject
    TenantTransactions tx;

    @Inject
    BodyService bodies;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The members of the village's standing bodies")
    public Uni<List<MemberView>> members(@PathParam("county") String county, @PathParam("village") String village) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> bodies.members(s, caller, village));
    }

    @PUT
    @Path("/{body}/members/{resident}")
    @Operation(summary = "Seat a villager of the register on a standing body (or change their position)")
    public Uni<MemberView> seat(@PathParam("county") String county, @PathParam("village") String village,
                                @PathParam("body") Body body, @PathParam("resident") UUID resident,
                                @Valid @NotNull Seat in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> bodies.seat(s, code, caller, village, body, resident, in.position()));
    }

    @DELETE
    @Path("/{body}/members/{resident}")
    @Operation(summary = "Remove a villager from a standing body")
    public Uni<Response> unseat(@PathParam("county") String county, @PathParam("village") String village,
                                @PathParam("body") Body body, @PathParam("resident") UUID resident) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> bodies.unseat(s, code, caller, village, body, resident))
                .replaceWith(Response.noContent().build());
    }
}

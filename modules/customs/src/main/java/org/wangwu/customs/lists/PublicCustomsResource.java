package org.wangwu.customs.lists;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.customs.CustomsModule;
import org.wangwu.customs.covenant.CovenantService;
import org.wangwu.customs.covenant.CovenantService.VersionView;
import org.wangwu.customs.lists.ListService.PublicEntry;
import org.wangwu.platform.attachment.Attachment;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/**
 * What customs reform shows everyone, without login: each village's covenant in force, the red list
 * and the black list. Names appear only as the county allows; never an ID number or a phone.
 */
@Path("/api/v1/public/counties/{county}/customs")
@Tag(name = "Customs reform public pages", description = "Covenants in force and the red and black lists, without login")
public class PublicCustomsResource {

    @Inject
    TenantTransactions tx;

    @Inject
    CovenantService covenants;

    @Inject
    ListService lists;

    @Inject
    Attachments attachments;

    @GET
    @Path("/villages/{village}/covenant")
    @Operation(summary = "The village's covenant in force, with its attachments",
            description = "The village's covenant in force, without sign-in, with its attachments.")
    public Uni<VersionView> covenant(@PathParam("county") String county,
                                     @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village) {
        return tx.inCounty(CountyCode.of(county), s -> covenants.inForce(s, village).chain(c -> covenants.view(s, c)));
    }

    @GET
    @Path("/villages/{village}/covenant/attachments/{attachment}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download an attachment of the covenant in force",
            description = "Downloads an attachment of the village's covenant in force, without sign-in.")
    public Uni<Response> attachment(@PathParam("county") String county,
                                    @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                    @Parameter(description = "The attachment's id", example = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d") @PathParam("attachment") UUID attachment) {
        return tx.inCounty(CountyCode.of(county), s -> covenants.inForce(s, village)
                        .chain(c -> attachments.read(s, CustomsModule.KEY, CovenantService.OWNER_TYPE, c.id, attachment)))
                .map(Attachment::download);
    }

    @GET
    @Path("/red-list")
    @Operation(summary = "Commended households listed now, in the county or a place",
            description = "The public red list, without sign-in: model households commended now, in the county or a "
                    + "place.")
    public Uni<List<PublicEntry>> redList(@PathParam("county") String county,
                                          @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place) {
        return tx.inCounty(CountyCode.of(county), s -> lists.publicList(s, ListEntry.Kind.RED, place, county));
    }

    @GET
    @Path("/black-list")
    @Operation(summary = "Households listed for violations now (after notice and appeal, until expiry)",
            description = "The public black list, without sign-in: households listed for violations now (after "
                    + "notice and appeal, until expiry), names in the form the county allows.")
    public Uni<List<PublicEntry>> blackList(@PathParam("county") String county,
                                            @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place) {
        return tx.inCounty(CountyCode.of(county), s -> lists.publicList(s, ListEntry.Kind.BLACK, place, county));
    }
}

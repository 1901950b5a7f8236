package org.wangwu.customs.pledge;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.customs.pledge.PledgeService.Coverage;
import org.wangwu.customs.pledge.PledgeService.PledgeView;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** Households' pledges (承诺书) and the coverage of each village. */
@Path("/api/v1/counties/{county}/customs/pledges")
@Tag(name = "Customs reform")
@Authenticated
public class PledgeResource {

    @Inject
    TenantTransactions tx;

    @Inject
    PledgeService pledges;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Record a household's signed pledge with the page (JPEG, PNG or PDF) attached",
            description = "Records a household's signed pledge to the village covenant (承诺书) with the signed page "
                    + "attached (JPEG, PNG or PDF), as a multipart form.")
    @APIResponse(responseCode = "201", description = "The pledge as recorded with its signed page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PledgeView.class)))
    public Uni<Response> record(@PathParam("county") String county, @RestForm("householdId") String householdId,
                                @RestForm("signedOn") String signedOn, @RestForm("file") FileUpload file) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> pledges.record(s, code, currentCaller.get(), householdId, signedOn, file))
                .map(p -> Response.status(201).entity(p).build());
    }

    @GET
    @Operation(summary = "A village's pledges with their signed pages",
            description = "A village's pledges with their signed pages.")
    public Uni<List<PledgeView>> list(@PathParam("county") String county,
                                      @QueryParam("village") @NotNull @Pattern(regexp = "[0-9]{12}") String village) {
        return tx.inCounty(CountyCode.of(county), s -> pledges.list(s, currentCaller.get(), village));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one household's pledge with its signed page",
            description = "One household's signed pledge, the address recording it answers with, with the signed "
                    + "page. Readable as the village's pledges are.")
    @APIResponse(responseCode = "200", description = "The pledge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PledgeView.class)))
    public Uni<PledgeView> get(@PathParam("county") String county,
                               @Parameter(description = "The pledge's id", example = "4a6c8e0b-2d4f-4a6c-8e0b-2d4f6a8c0e2d") @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> pledges.get(s, currentCaller.get(), id));
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Households pledged against households of the register, per village of a place",
            description = "How many households of the register have pledged, per village of a township or the "
                    + "county: the share the county reports.")
    public Uni<List<Coverage>> coverage(@PathParam("county") String county,
                                        @QueryParam("place") @NotNull @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place) {
        return tx.inCounty(CountyCode.of(county), s -> pledges.coverage(s, currentCaller.get(), place));
    }
}

package org.wangwu.customs.registration;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.customs.registration.RegistrationRequests.Decision;
import org.wangwu.customs.registration.RegistrationRequests.NewRegistration;
import org.wangwu.customs.registration.RegistrationRequests.RegistrationView;
import org.wangwu.customs.registration.RegistrationRequests.Revision;
import org.wangwu.customs.registration.RegistrationRequests.Verification;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;

/** Weddings, funerals and banquets registered before (事前报备) and verified after (事后核查). */
@Path("/api/v1/counties/{county}/customs/registrations")
@Tag(name = "Customs reform")
@Authenticated
public class RegistrationResource {

    @Inject
    TenantTransactions tx;

    @Inject
    RegistrationService registrations;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Operation(summary = "Register an event ahead; the answer names every cap the plan goes over",
            description = "A family registers a planned wedding, funeral or banquet ahead of the event (事前报备). The "
                    + "plan is checked cap by cap against the county's standards (bride price, tables, guests, "
                    + "gift money per guest, funeral days, public cemetery); the answer names every cap it goes "
                    + "over. A registration later than the county's notice period is marked late.")
    @APIResponse(responseCode = "201", description = "The registration as checked against the county's caps",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    public Uni<Response> register(@PathParam("county") String county, @Valid @NotNull NewRegistration in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.register(s, code, currentCaller.get(), in))
                .map(r -> Response.status(201).entity(r).build());
    }

    @GET
    @Operation(summary = "A village's registrations, newest first (a resident without village: their household's)",
            description = "A village's registrations, newest first; a resident without a village sees their "
                    + "household's.")
    public Uni<Page<RegistrationView>> list(@PathParam("county") String county,
                                            @QueryParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> registrations.list(s, currentCaller.get(), village, max, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a registration",
            description = "One registration with its plan, the caps it goes over, the council's decision and, after "
                    + "the event, the verified figures.")
    public Uni<RegistrationView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> registrations.read(s, currentCaller.get(), id));
    }

    @POST
    @Path("/{id}/revision")
    @Operation(summary = "Revise the plan: a new registration checked afresh; the old one is kept as REVISED",
            description = "The family revises its plan: a new registration is checked afresh against the caps and "
                    + "the old one is kept as REVISED.")
    @APIResponse(responseCode = "201", description = "The new registration, checked afresh; `Location` is its address (the old one is kept as REVISED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    public Uni<Response> revise(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Valid @NotNull Revision in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.revise(s, code, currentCaller.get(), id, in))
                .map(r -> Response.created(URI.create("/api/v1/counties/" + county + "/customs/registrations/" + r.id()))
                        .entity(r).build());
    }

    @POST
    @Path("/{id}/decision")
    @Operation(summary = "The council approves, approves with conditions, or warns (a plan over a cap is never simply approved)",
            description = "The red and white council (红白理事会) decides a registration: APPROVED, "
                    + "APPROVED_WITH_CONDITIONS (with the conditions in the note) or WARNED. A plan over a cap is "
                    + "never simply approved.")
    public Uni<RegistrationView> decide(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Valid @NotNull Decision in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.decide(s, code, currentCaller.get(), id, in));
    }

    @POST
    @Path("/{id}/verification")
    @Operation(summary = "The council records the actual figures after the event; compliance is computed cap by cap",
            description = "After the event the council verifies it (事后核查): the actual figures are checked cap by "
                    + "cap, compliance and the money saved are recorded, and a violation is raised as an event "
                    + "(points are deducted where the points module is on).")
    public Uni<RegistrationView> verify(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Valid @NotNull Verification in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.verify(s, code, currentCaller.get(), id, in.actual().figures()));
    }
}

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
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Register an event ahead; the answer names every cap the plan goes over")
    public Uni<Response> register(@PathParam("county") String county, @Valid @NotNull NewRegistration in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.register(s, code, currentCaller.get(), in))
                .map(r -> Response.status(201).entity(r).build());
    }

    @GET
    @Operation(summary = "A village's registrations, newest first (a resident without village: their household's)")
    public Uni<Page<RegistrationView>> list(@PathParam("county") String county,
                                            @QueryParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> registrations.list(s, currentCaller.get(), village, max, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a registration")
    public Uni<RegistrationView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> registrations.read(s, currentCaller.get(), id));
    }

    @POST
    @Path("/{id}/revision")
    @Operation(summary = "Revise the plan: a new registration checked afresh; the old one is kept as REVISED")
    public Uni<Response> revise(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Valid @NotNull Revision in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.revise(s, code, currentCaller.get(), id, in))
                .map(r -> Response.status(201).entity(r).build());
    }

    @POST
    @Path("/{id}/decision")
    @Operation(summary = "The council approves, approves with conditions, or warns (a plan over a cap is never simply approved)")
    public Uni<RegistrationView> decide(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Valid @NotNull Decision in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.decide(s, code, currentCaller.get(), id, in));
    }

    @POST
    @Path("/{id}/verification")
    @Operation(summary = "The council records the actual figures after the event; compliance is computed cap by cap")
    public Uni<RegistrationView> verify(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Valid @NotNull Verification in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> registrations.verify(s, code, currentCaller.get(), id, in.actual().figures()));
    }
}

package org.wangwu.points.supermarket;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.idempotency.IdempotentRequests;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.GateInWorkTransaction;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;
import org.wangwu.points.ledger.AccountViews.AccountView;
import org.wangwu.points.rules.Policies;
import org.wangwu.points.supermarket.SupermarketViews.ClerkList;
import org.wangwu.points.supermarket.SupermarketViews.GoodsChange;
import org.wangwu.points.supermarket.SupermarketViews.GoodsView;
import org.wangwu.points.supermarket.SupermarketViews.NewGoods;
import org.wangwu.points.supermarket.SupermarketViews.NewRedemption;
import org.wangwu.points.supermarket.SupermarketViews.NewSupermarket;
import org.wangwu.points.supermarket.SupermarketViews.RedemptionView;
import org.wangwu.points.supermarket.SupermarketViews.SupermarketView;

/** Love supermarkets: opening one, its clerks, its goods, and redeeming points at its counter. */
@Path("/api/v1/counties/{county}/points/supermarkets")
@Tag(name = "Points")
@Authenticated
public class SupermarketResource {

    @Inject
    TenantTransactions tx;

    @Inject
    SupermarketService supermarkets;

    @Inject
    Policies policies;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Operation(summary = "Open a love supermarket for a village or township, with its clerks",
            description = "County, township or village staff open a love supermarket for a village or township within their reach, naming the staff accounts that work there as clerks.")
    @APIResponse(responseCode = "201", description = "The new love supermarket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupermarketView.class)))
    public Uni<Response> create(@PathParam("county") String county, @Valid @NotNull NewSupermarket in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> supermarkets.create(s, code, caller, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Operation(summary = "The county's supermarkets, or those of one village or township",
            description = "The county's love supermarkets (爱心超市), or those of one village or township.")
    public Uni<List<SupermarketView>> list(@PathParam("county") String county,
                                           @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.list(s, caller, place));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a love supermarket with its clerks",
            description = "One love supermarket of the county, the address opening it answers with: its name, the "
                    + "village or township it serves and its clerks. County staff read it, as they read the list.")
    @APIResponse(responseCode = "200", description = "The love supermarket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupermarketView.class)))
    public Uni<SupermarketView> get(@PathParam("county") String county,
                                    @Parameter(description = "The supermarket's id", example = "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f") @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.get(s, caller, id));
    }

    @PUT
    @Path("/{id}/clerks")
    @Operation(summary = "Replace the supermarket's clerks",
            description = "Replaces the list of clerks who may redeem at the supermarket.")
    public Uni<SupermarketView> clerks(@PathParam("county") String county, @PathParam("id") UUID id,
                                       @Valid @NotNull ClerkList in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> supermarkets.setClerks(s, code, caller, id, in.clerks()));
    }

    @POST
    @Path("/{id}/goods")
    @Operation(summary = "Put goods on the shelf with a price in points and a stock",
            description = "Puts a good on the supermarket's shelf with its price in points and its opening stock.")
    @APIResponse(responseCode = "201", description = "The goods added to the supermarket's catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoodsView.class)))
    public Uni<Response> addGoods(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull NewGoods in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> supermarkets.addGoods(s, code, caller, id, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/{id}/goods")
    @Operation(summary = "The supermarket's goods with prices and stock",
            description = "The supermarket's catalogue: each good's price in points, its stock and whether it is on "
                    + "the shelf.")
    public Uni<List<GoodsView>> goods(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.goods(s, caller, id));
    }

    @GET
    @Path("/{id}/goods/{goods}")
    @Operation(summary = "Read one of the supermarket's goods with its price and stock",
            description = "One good of the supermarket's catalogue, the address putting it on the shelf answers "
                    + "with: its price in points, its stock and whether it is on the shelf.")
    @APIResponse(responseCode = "200", description = "The good",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoodsView.class)))
    public Uni<GoodsView> readGoods(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @Parameter(description = "The good", example = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b") @PathParam("goods") UUID goods) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.goodsItem(s, caller, id, goods));
    }

    @PATCH
    @Path("/{id}/goods/{goods}")
    @Operation(summary = "Restock, write off, reprice or delist goods; stock never goes below zero",
            description = "Changes a good: `stockDelta` restocks (positive) or writes off (negative), `pricePoints` "
                    + "reprices, `active=false` takes it off the shelf. Stock never goes below zero (409).")
    public Uni<GoodsView> changeGoods(@PathParam("county") String county, @PathParam("id") UUID id,
                                      @Parameter(description = "The good to change", example = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b") @PathParam("goods") UUID goods,
                                      @Valid @NotNull GoodsChange in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> supermarkets.changeGoods(s, code, caller, id, goods, in));
    }

    @GateInWorkTransaction
    @POST
    @Path("/{id}/redemptions")
    @Operation(summary = "A clerk redeems goods for an account; needs an Idempotency-Key (the same key and body "
            + "return the first result, another body is a 422)",
            description = "A clerk redeems goods for an account: the points are spent from the oldest lots first, "
                    + "the stock is taken and both are booked in one transaction. A balance never goes below zero "
                    + "and a redemption is never counted twice: send an `Idempotency-Key`; the same key and body "
                    + "answer as the first time, another body with the same key is a 422.")
    @APIResponse(responseCode = "201", description = "The redemption as booked: points spent, stock taken (a replay with the same key answers the same, with `Idempotent-Replayed: true`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RedemptionView.class)))
    public Uni<Response> redeem(@PathParam("county") String county, @PathParam("id") UUID id,
                                @HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull NewRedemption in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> idempotent.execute(s, code, "points.redemption", key,
                Map.of("supermarket", id, "redemption", in),
                write -> policies.current(s).chain(policy -> supermarkets.redeem(s, write, code, caller, policy, id, in))
                        .map(view -> new IdempotentRequests.Outcome(201, view))));
    }

    @GET
    @Path("/{id}/accounts/{account}")
    @Operation(summary = "A clerk looks up an account to redeem for: holder and balance, of households the "
            + "supermarket serves",
            description = "A supermarket clerk looks up the account a villager wants to redeem from: the holder's "
                    + "name and balance, only for households the supermarket serves.")
    public Uni<AccountView> lookUp(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Parameter(description = "The account to redeem from", example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") @PathParam("account") UUID account) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.lookUp(s, caller, id, account));
    }

    @GET
    @Path("/{id}/redemptions")
    @Operation(summary = "The supermarket's redemptions, newest first (its clerks and managers)",
            description = "The supermarket's redemptions, newest first, a page at a time, for its clerks and managers.")
    public Uni<Page<RedemptionView>> redemptions(@PathParam("county") String county, @PathParam("id") UUID id,
                                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.redemptions(s, caller, id, max, cursor));
    }

    @GET
    @Path("/{id}/redemptions/{redemption}")
    @Operation(summary = "Read one redemption of the supermarket (its clerks and managers)",
            description = "One redemption, the address a redemption answers with: the goods, the points spent, the "
                    + "balance left and the ledger entry that booked it. Its clerks and managers read it, as they "
                    + "read the list.")
    @APIResponse(responseCode = "200", description = "The redemption as booked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RedemptionView.class)))
    public Uni<RedemptionView> redemption(@PathParam("county") String county, @PathParam("id") UUID id,
                                          @Parameter(description = "The redemption", example = "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c") @PathParam("redemption") UUID redemption) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> supermarkets.redemption(s, caller, id, redemption));
    }
}

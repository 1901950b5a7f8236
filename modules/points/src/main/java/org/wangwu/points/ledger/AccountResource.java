package org.wangwu.points.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.wangwu.platform.idempotency.IdempotentRequests;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;
import org.wangwu.points.ledger.AccountViews.AccountView;
import org.wangwu.points.ledger.AccountViews.EntryView;
import org.wangwu.points.ledger.AccountViews.ReversalRequest;
import org.wangwu.points.rules.Policies;

/** Accounts, their statements with running balance, and corrections by reversing entry. */
@Path("/api/v1/counties/{county}/points/accounts")
@Tag(name = "Points")
@Authenticated
public class AccountResource {

    @Inject
    TenantTransactions tx;

    @Inject
    Policies policies;

    @Inject
    AccountService accounts;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("/me")
    @Operation(summary = "The signed-in resident's account (their household's where accounts belong to households)",
            description = "The signed-in resident's own account: their household's where accounts belong to "
                    + "households, their own where the county keeps them per resident. Before anything is booked for "
                    + "them, it is shown unopened, with a balance of 0.")
    public Uni<AccountView> mine(@PathParam("county") String county) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s).chain(p -> accounts.mine(s, caller, p)));
    }

    @GET
    @Operation(summary = "Accounts in the caller's reach, or of one village or township",
            description = "Points accounts (of households, or of residents where the county keeps accounts per "
                    + "resident) within the caller's reach, or of one village or township, with their balances. "
                    + "Village cadres and township officials use it to see who holds what.")
    public Uni<Page<AccountView>> list(@PathParam("county") String county,
                                       @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> accounts.list(s, caller, place, max, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an account and its balance",
            description = "One account with its holder and balance. The balance is always the sum of the account's "
                    + "ledger entries.")
    public Uni<AccountView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(p -> accounts.readable(s, caller, p, id)).map(AccountView::of));
    }

    @GET
    @Path("/{id}/statement")
    @Operation(summary = "The account's ledger entries, newest first, each with the balance after it",
            description = "The account's ledger, newest first, a page at a time: awards, deductions, redemptions, "
                    + "expiries and reversals, each with the balance after it, like a bank passbook.")
    public Uni<Page<EntryView>> statement(@PathParam("county") String county, @PathParam("id") UUID id,
                                          @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        Long before;
        try {
            before = cursor == null ? null : Long.valueOf(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
        }
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(p -> accounts.readable(s, caller, p, id))
                .chain(a -> accounts.statement(s, a.id, max, before)));
    }

    @GET
    @Path("/{id}/entries/{entry}")
    @Operation(summary = "Read one ledger entry of the account",
            description = "One line of the account's ledger, the address a reversal answers with: its kind, points, "
                    + "the balance after it and what it links to (an award, a redemption, the entry it reverses). "
                    + "Whoever reads the account reads it.")
    @APIResponse(responseCode = "200", description = "The ledger entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    public Uni<EntryView> entry(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Parameter(description = "The ledger entry", example = "9b2e4c1a-7d3f-4e8a-b5c6-1f2e3d4c5b6a") @PathParam("entry") UUID entry) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(p -> accounts.readable(s, caller, p, id)).chain(a -> accounts.entry(s, a.id, entry)));
    }

    @POST
    @Path("/{id}/entries/{entry}/reversal")
    @Operation(summary = "Correct an award or deduction with a reversing entry; needs an Idempotency-Key",
            description = "A village cadre, township official or county administrator corrects a posted award or deduction within their reach: the ledger is append-only, so the "
                    + "correction is a new entry of the opposite amount that names the entry it reverses. An entry "
                    + "is reversed at most once (409 the second time). Send an `Idempotency-Key`: a repeat with "
                    + "the same key and body answers as the first time and books nothing more.")
    @APIResponse(responseCode = "201", description = "The reversing entry booked on the account (a replay with the same key answers the same, with `Idempotent-Replayed: true`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    public Uni<Response> reverse(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Parameter(description = "The ledger entry to reverse (an award or deduction)", example = "9b2e4c1a-7d3f-4e8a-b5c6-1f2e3d4c5b6a") @PathParam("entry") UUID entry,
                                 @HeaderParam(IdempotentRequests.HEADER) String key,
                                 @Valid @NotNull ReversalRequest in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> idempotent.execute(s, code, "points.reversal", key,
                Map.of("account", id, "entry", entry, "reason", in.reason()),
                () -> policies.current(s).chain(p -> accounts.reverse(s, code, caller, p, id, entry, in.reason()))
                        .map(view -> new IdempotentRequests.Outcome(201, view))))
                .map(answer -> Response.fromResponse(answer).location(URI.create("/api/v1/counties/" + county
                        + "/points/accounts/" + id + "/entries/" + reversingEntry(answer.getEntity()))).build());
    }

    /** The first answer carries the view, a replay the stored JSON of it. */
    private static String reversingEntry(Object answer) {
        return answer instanceof EntryView view ? view.id().toString() : ((JsonNode) answer).path("id").asText();
    }
}

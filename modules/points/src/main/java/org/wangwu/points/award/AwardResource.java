package org.wangwu.points.award;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.idempotency.IdempotentRequests;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.GateInWorkTransaction;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;
import org.wangwu.points.PointsModule;
import org.wangwu.points.PointsPermissions;
import org.wangwu.platform.web.Cursor;
import org.wangwu.points.award.AwardViews.AwardView;
import org.wangwu.points.award.AwardViews.NewAward;
import org.wangwu.points.award.AwardViews.ObjectionView;
import org.wangwu.points.ledger.AccountService;
import org.wangwu.points.ledger.Ledger;
import org.wangwu.points.rules.Policies;

/** Applying for and recording points, the village's review, evidence, and objections during disclosure. */
@Path("/api/v1/counties/{county}/points/awards")
@Tag(name = "Points")
@Authenticated
public class AwardResource {

    @Inject
    TenantTransactions tx;

    @Inject
    Policies policies;

    @Inject
    AwardService awards;

    @Inject
    AccountService accounts;

    @Inject
    Ledger ledger;

    @Inject
    Attachments attachments;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PointsPermissions permissions;

    @GateInWorkTransaction
    @POST
    @Operation(summary = "Apply for points (a resident, for themselves) or record a deed or deduction (staff); "
            + "needs an Idempotency-Key",
            description = "A resident applies for points for a good deed of their own, or a cadre or grid worker "
                    + "records a deed or a deduction for a household. The county's rule catalogue decides the "
                    + "points, the evidence needed, the cap per period and who may record; a rule that needs "
                    + "review waits for the village's review, then its public disclosure, then it is posted to the "
                    + "ledger. Send an `Idempotency-Key` so that a retry never books twice.")
    @APIResponse(responseCode = "201", description = "The award as requested or recorded (a replay with the same key answers the same, with `Idempotent-Replayed: true`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class)))
    public Uni<Response> request(@PathParam("county") String county,
                                 @HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull NewAward in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> idempotent.execute(s, code, "points.award", key, new Keyed(caller.actor(), in),
                write -> policies.current(s).chain(policy -> awards.request(s, write, code, caller, policy, in))
                        .map(view -> new IdempotentRequests.Outcome(201, view))));
    }

    /** The same key from two people is two requests. */
    public record Keyed(String by, NewAward request) {
    }

    @GET
    @Operation(summary = "List awards, newest first: staff see their reach (optionally one village or status), "
            + "residents their own account's",
            description = "Awards newest first, a page at a time. Staff see those within their reach (optionally of "
                    + "one village or status); a resident sees only their own account's.")
    public Uni<Page<AwardView>> list(@PathParam("county") String county, @QueryParam("village") String village,
                                     @Parameter(description = "Only awards in this status", example = "PENDING_REVIEW") @QueryParam("status") Award.Status status,
                                     @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> {
            if (caller.has(Role.RESIDENT)) {
                return policies.current(s).chain(policy -> accounts.ownHolder(s, caller, policy))
                        .chain(h -> ledger.find(s, h))
                        .chain(account -> account == null ? Uni.createFrom().item(new Page<AwardView>(List.of(), null))
                                : page(s, "account", account.id, status, max, cursor));
            }
            String place = village == null ? caller.reach().placePrefix() : village;
            permissions.readVillage(caller, place);
            return page(s, "place", place, status, max, cursor);
        });
    }

    private Uni<Page<AwardView>> page(Mutiny.Session s, String by, Object value, Award.Status status, int limit,
                                      String cursor) {
        Cursor after = Cursor.parse(cursor);
        String hql = "from Award where " + (by.equals("account") ? "accountId = :v" : "villageCode like :v")
                + (status == null ? "" : " and status = :status")
                + (after == null ? "" : Cursor.after("requestedAt", "id"))
                + " order by requestedAt desc, id desc";
        var q = s.createSelectionQuery(hql, Award.class)
                .setParameter("v", by.equals("account") ? value : value + "%").setMaxResults(limit + 1);
        if (status != null) {
            q.setParameter("status", status);
        }
        if (after != null) {
            q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
        }
        return q.getResultList().map(rows -> Page.of(rows, limit, AwardView::of,
                a -> Cursor.of(a.requestedAt, a.id)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an award",
            description = "One award with its rule, points, status and the steps it went through (requested, "
                    + "reviewed, disclosure, posted).")
    public Uni<AwardView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id)).map(AwardView::of));
    }

    @POST
    @Path("/{id}/review")
    @Operation(summary = "The village approves (disclosure starts) or rejects with a reason; not by whoever recorded it",
            description = "The village reviews an award that needs review: APPROVE starts its public disclosure for "
                    + "the county's number of days, REJECT ends it with the reason. Whoever recorded the award may "
                    + "not review it.")
    public Uni<AwardView> review(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull AwardViews.Review in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> awards.review(s, code, caller, policy, id, in)));
    }

    @POST
    @Path("/{id}/objections")
    @Operation(summary = "A villager of the award's village objects during disclosure; the award is held until settled",
            description = "A villager of the award's village objects while the award is publicly disclosed (公示). "
                    + "The award is held: it is not posted until a reviewer settles the objection.")
    @APIResponse(responseCode = "201", description = "The objection as raised; the award is held until a reviewer settles it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    public Uni<Response> object(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Valid @NotNull AwardViews.NewObjection in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> awards.object(s, code, caller, id, in.reason()))
                .map(o -> Response.status(201).entity(o).build());
    }

    @GET
    @Path("/{id}/objections")
    @Operation(summary = "The objections raised against an award and how they were settled",
            description = "The objections villagers raised against the award during its public disclosure, and how "
                    + "each was settled.")
    public Uni<List<ObjectionView>> objections(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id))
                .chain(a -> awards.objections(s, a.id)));
    }

    @GET
    @Path("/{id}/objections/{objection}")
    @Operation(summary = "Read one objection raised against an award and how it was settled",
            description = "One objection raised during the award's public disclosure, the address raising it answers "
                    + "with, and how it was settled. The villager who raised it and whoever reads the award read it.")
    @APIResponse(responseCode = "200", description = "The objection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    public Uni<ObjectionView> objection(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Parameter(description = "The objection's id", example = "3f5a7c9e-1b3d-4f5a-8c9e-1b3d5f7a9c1e") @PathParam("objection") UUID objection) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.objection(s, caller, policy, id, objection)));
    }

    @POST
    @Path("/{id}/objections/settlement")
    @Operation(summary = "A reviewer settles the open objections: upheld withdraws the award, dismissed resumes disclosure",
            description = "A reviewer settles the award's open objections: UPHELD withdraws the award (nothing is "
                    + "posted), DISMISSED resumes the disclosure where it stopped.")
    public Uni<AwardView> settle(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull AwardViews.Settlement in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> awards.settle(s, code, caller, policy, id, in)));
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach evidence (photo or document) to an award under review; size and type as the county allows",
            description = "Attaches a photo or document to an award that waits for review, as the county's settings "
                    + "allow (size, JPEG/PNG/PDF). The file is checked by its content, not its name.")
    @APIResponse(responseCode = "201", description = "The stored evidence file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Uni<Response> addEvidence(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @RestForm("file") FileUpload file) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> awards.readable(s, caller, policy, id)
                .chain(a -> {
                    if (a.status != Award.Status.PENDING_REVIEW) {
                        a.require(Award.Status.PENDING_REVIEW, "given evidence");
                    }
                    return attachments.store(s, code, caller, PointsModule.KEY, AwardService.EVIDENCE_OWNER, a.id, file,
                            new Attachments.Policy(policy.evidenceMaxBytes(), policy.evidenceTypes()));
                })))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/{id}/evidence")
    @Operation(summary = "List an award's evidence files",
            description = "The evidence files attached to an award (photos of the deed, a certificate).")
    public Uni<List<AttachmentView>> evidence(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id))
                .chain(a -> attachments.list(s, PointsModule.KEY, AwardService.EVIDENCE_OWNER, a.id)));
    }

    @GET
    @Path("/{id}/evidence/{file}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one evidence file",
            description = "Downloads one evidence file of an award the caller may read.")
    public Uni<Response> evidenceFile(@PathParam("county") String county, @PathParam("id") UUID id,
                                      @Parameter(description = "The evidence file's id", example = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d") @PathParam("file") UUID file) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id))
                .chain(a -> attachments.read(s, PointsModule.KEY, AwardService.EVIDENCE_OWNER, a.id, file)))
                .map(f -> Response.ok(f.content, f.contentType)
                        .header("Content-Disposition", "attachment; filename=\"evidence\"").build());
    }
}

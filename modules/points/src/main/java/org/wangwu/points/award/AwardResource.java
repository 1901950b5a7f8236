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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
            + "needs an Idempotency-Key")
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
            + "residents their own account's")
    public Uni<Page<AwardView>> list(@PathParam("county") String county, @QueryParam("village") String village,
                                     @QueryParam("status") Award.Status status, @QueryParam("limit") Integer limit,
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
    @Operation(summary = "Read an award")
    public Uni<AwardView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id)).map(AwardView::of));
    }

    @POST
    @Path("/{id}/review")
    @Operation(summary = "The village approves (disclosure starts) or rejects with a reason; not by whoever recorded it")
    public Uni<AwardView> review(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull AwardViews.Review in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> awards.review(s, code, caller, policy, id, in)));
    }

    @POST
    @Path("/{id}/objections")
    @Operation(summary = "A villager of the award's village objects during disclosure; the award is held until settled")
    public Uni<Response> object(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Valid @NotNull AwardViews.NewObjection in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> awards.object(s, code, caller, id, in.reason()))
                .map(o -> Response.status(201).entity(o).build());
    }

    @GET
    @Path("/{id}/objections")
    @Operation(summary = "The objections raised against an award and how they were settled")
    public Uni<List<ObjectionView>> objections(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id))
                .chain(a -> awards.objections(s, a.id)));
    }

    @POST
    @Path("/{id}/objections/settlement")
    @Operation(summary = "A reviewer settles the open objections: upheld withdraws the award, dismissed resumes disclosure")
    public Uni<AwardView> settle(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull AwardViews.Settlement in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> awards.settle(s, code, caller, policy, id, in)));
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach evidence (photo or document) to an award under review; size and type as the county allows")
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
    @Operation(summary = "List an award's evidence files")
    public Uni<List<AttachmentView>> evidence(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id))
                .chain(a -> attachments.list(s, PointsModule.KEY, AwardService.EVIDENCE_OWNER, a.id)));
    }

    @GET
    @Path("/{id}/evidence/{file}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one evidence file")
    public Uni<Response> evidenceFile(@PathParam("county") String county, @PathParam("id") UUID id,
                                      @PathParam("file") UUID file) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s)
                .chain(policy -> awards.readable(s, caller, policy, id))
                .chain(a -> attachments.read(s, PointsModule.KEY, AwardService.EVIDENCE_OWNER, a.id, file)))
                .map(f -> Response.ok(f.content, f.contentType)
                        .header("Content-Disposition", "attachment; filename=\"evidence\"").build());
    }
}

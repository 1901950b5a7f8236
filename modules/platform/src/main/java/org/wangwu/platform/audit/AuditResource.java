package org.wangwu.platform.audit;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;

/** The county's audit trail: filtered listing and chain verification, for administrators. */
@Path("/api/v1/counties/{county}/audit")
@Tag(name = "Audit", description = "Hash-chained audit trail of every state change in a county")
@Authenticated
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PlatformPermissions permissions;

    @GET
    @Path("/records")
    @Operation(summary = "List audit records, newest first, filtered by action, actor, target and time",
            description = "The county's audit trail, newest first: who did what to which record, with the request "
                    + "id that did it. Filters narrow it to one action, actor or target. County administrators "
                    + "only.")
    public Uni<Page<AuditView>> list(@PathParam("county") String county,
                                     @Parameter(description = "Only records of this action", example = "points.award-posted") @QueryParam("action") String action,
                                     @Parameter(description = "Only records of this actor (a username, or an app's client id)", example = "jiyuan-cadre") @QueryParam("actor") String actor,
                                     @Parameter(description = "Only records about this kind of record", example = "points-award") @QueryParam("targetType") String targetType,
                                     @Parameter(description = "Only records about this record's id", example = "6f1d2c3b-8a9e-4f10-b2c3-d4e5f6a7b8c9") @QueryParam("targetId") String targetId,
                                     @Parameter(description = "Only records at or after this instant (ISO-8601)", example = "2026-03-01T00:00:00Z") @QueryParam("from") Instant from,
                                     @Parameter(description = "Only records before this instant (ISO-8601)", example = "2026-04-01T00:00:00Z") @QueryParam("to") Instant to,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") Integer limit) {
        permissions.readAudit(currentCaller.get());
        int pageSize = Page.limit(limit);
        AuditLog.AuditQuery query = new AuditLog.AuditQuery(action, actor, targetType, targetId, from, to,
                parseCursor(cursor));
        return tx.inCounty(CountyCode.of(county), s -> audit.list(s, query, pageSize + 1))
                .map(rows -> Page.of(rows, pageSize, AuditView::of, r -> Long.toString(r.seq)));
    }

    @POST
    @Path("/verification")
    @Operation(summary = "Verify the county's hash chain and name the first record that does not hold",
            description = "Walks the county's hash-chained audit records in order and checks each record's hash and "
                    + "its link to the previous record of its chain. `intact` is false and `firstBroken` names the "
                    + "record when a record was altered, deleted or reordered behind the platform's back.")
    public Uni<AuditLog.ChainVerification> verify(@PathParam("county") String county) {
        permissions.readAudit(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), audit::verify);
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API issued");
        }
    }

    /** An audit record as administrators read it. */
    public record AuditView(
            @Schema(description = "Its place in the county's trail (increasing, may have gaps)", examples = "1042") long seq,
            @Schema(description = "The record's id") UUID id,
            @Schema(description = "When the change was committed") Instant occurredAt,
            @Schema(description = "Who made the change (username or app client id)", examples = "jiyuan-cadre") String actor,
            @Schema(description = "What was done", examples = "points.award-posted") String action,
            @Schema(description = "The kind of record changed", examples = "points-award") String targetType,
            @Schema(description = "The id of the record changed", examples = "6f1d2c3b-8a9e-4f10-b2c3-d4e5f6a7b8c9") String targetId,
            @Schema(description = "The request that made the change (X-Request-Id)", examples = "0b8f6c1e-2a4d-4e7f-9c3b-5d1a2e4f6b8c") String requestId,
            @Schema(description = "What changed, as JSON text (no unmasked personal data)", examples = "{\"points\":5,\"rule\":\"VOLUNTEER-01\"}") String detail,
            @Schema(description = "SHA-256 over this record and the previous record of its chain", examples = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b") String hash) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.seq, r.id, r.occurredAt, r.actor, r.action, r.targetType, r.targetId, r.requestId,
                    r.detail, r.hash);
        }
    }
}

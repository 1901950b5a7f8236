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
    @Operation(summary = "List audit records, newest first, filtered by action, actor, target and time")
    public Uni<Page<AuditView>> list(@PathParam("county") String county,
                                     @QueryParam("action") String action,
                                     @QueryParam("actor") String actor,
                                     @QueryParam("targetType") String targetType,
                                     @QueryParam("targetId") String targetId,
                                     @QueryParam("from") Instant from,
                                     @QueryParam("to") Instant to,
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
    @Operation(summary = "Verify the county's hash chain and name the first record that does not hold")
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
    public record AuditView(long seq, UUID id, Instant occurredAt, String actor, String action, String targetType,
                            String targetId, String requestId, String detail, String hash) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.seq, r.id, r.occurredAt, r.actor, r.action, r.targetType, r.targetId, r.requestId,
                    r.detail, r.hash);
        }
    }
}

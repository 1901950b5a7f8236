package org.wangwu.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Appends audit records inside the caller's own transaction, so a change and its record commit or
 * fail together, and verifies a county's chain.
 */
@ApplicationScoped
public class AuditLog {

    /** Advisory lock class for "append to a county's audit chain"; the county code is the key. */
    private static final int CHAIN_LOCK = 1096;
    private static final int VERIFY_BATCH = 1000;

    @Inject
    ObjectMapper json;

    /** Records that {@code caller} did {@code action} to a target; {@code detail} is serialised to JSON. */
    public Uni<AuditRecord> record(Mutiny.Session session, CountyCode county, Caller caller, String action,
                                   String targetType, Object targetId, Map<String, ?> detail) {
        return session.createNativeQuery("select cast(pg_advisory_xact_lock(:lockClass, :county) as text)")
                .setParameter("lockClass", CHAIN_LOCK)
                .setParameter("county", Integer.parseInt(county.value()))
                .getSingleResult()
                .chain(locked -> session.createSelectionQuery(
                                "from AuditRecord order by seq desc", AuditRecord.class)
                        .setMaxResults(1)
                        .getSingleResultOrNull())
                .chain(last -> {
                    AuditRecord record = new AuditRecord();
                    record.tenantId = county.value();
                    record.id = UUID.randomUUID();
                    record.seq = last == null ? 1 : last.seq + 1;
                    record.prevHash = last == null ? AuditChain.GENESIS : last.hash;
                    record.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    record.actor = caller.actor();
                    record.action = action;
                    record.targetType = targetType;
                    record.targetId = targetId == null ? null : targetId.toString();
                    record.requestId = caller.requestId();
                    record.detail = detail == null || detail.isEmpty() ? null : toJson(detail);
                    record.hash = AuditChain.hashOf(record);
                    return session.persist(record).replaceWith(record);
                });
    }

    public Uni<List<AuditRecord>> list(Mutiny.Session session, AuditQuery query, int fetch) {
        StringBuilder hql = new StringBuilder("from AuditRecord where 1 = 1");
        if (query.action() != null) hql.append(" and action = :action");
        if (query.actor() != null) hql.append(" and actor = :actor");
        if (query.targetType() != null) hql.append(" and targetType = :targetType");
        if (query.targetId() != null) hql.append(" and targetId = :targetId");
        if (query.from() != null) hql.append(" and occurredAt >= :from");
        if (query.to() != null) hql.append(" and occurredAt < :to");
        if (query.beforeSeq() != null) hql.append(" and seq < :beforeSeq");
        hql.append(" order by seq desc");
        var q = session.createSelectionQuery(hql.toString(), AuditRecord.class).setMaxResults(fetch);
        if (query.action() != null) q.setParameter("action", query.action());
        if (query.actor() != null) q.setParameter("actor", query.actor());
        if (query.targetType() != null) q.setParameter("targetType", query.targetType());
        if (query.targetId() != null) q.setParameter("targetId", query.targetId());
        if (query.from() != null) q.setParameter("from", query.from());
        if (query.to() != null) q.setParameter("to", query.to());
        if (query.beforeSeq() != null) q.setParameter("beforeSeq", query.beforeSeq());
        return q.getResultList();
    }

    /** Walks the county's chain from the first record and names the first one that does not hold. */
    public Uni<ChainVerification> verify(Mutiny.Session session) {
        return verifyFrom(session, 0, AuditChain.GENESIS, 0);
    }

    private Uni<ChainVerification> verifyFrom(Mutiny.Session session, long afterSeq, String expectedPrev, long checked) {
        return session.createSelectionQuery("from AuditRecord where seq > :after order by seq", AuditRecord.class)
                .setParameter("after", afterSeq)
                .setMaxResults(VERIFY_BATCH)
                .getResultList()
                .chain(batch -> {
                    long expectedSeq = afterSeq + 1;
                    String prev = expectedPrev;
                    long count = checked;
                    for (AuditRecord r : batch) {
                        String problem = null;
                        if (r.seq != expectedSeq) {
                            problem = "record " + expectedSeq + " is missing";
                        } else if (!r.prevHash.equals(prev)) {
                            problem = "previous-hash link does not match record " + (r.seq - 1);
                        } else if (!AuditChain.hashOf(r).equals(r.hash)) {
                            problem = "content does not match its hash";
                        }
                        if (problem != null) {
                            return Uni.createFrom().item(ChainVerification.broken(count, r, problem));
                        }
                        prev = r.hash;
                        expectedSeq++;
                        count++;
                    }
                    if (batch.size() < VERIFY_BATCH) {
                        return Uni.createFrom().item(ChainVerification.intact(count));
                    }
                    return verifyFrom(session, batch.get(batch.size() - 1).seq, prev, count);
                });
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit detail must be serialisable", e);
        }
    }

    /** Filters for listing; {@code beforeSeq} is the cursor. */
    public record AuditQuery(String action, String actor, String targetType, String targetId,
                             Instant from, Instant to, Long beforeSeq) {
    }

    /** The outcome of a verification; {@code firstBroken} is null when the chain is intact. */
    public record ChainVerification(boolean intact, long recordsVerified, BrokenRecord firstBroken) {
        static ChainVerification intact(long count) {
            return new ChainVerification(true, count, null);
        }

        static ChainVerification broken(long count, AuditRecord r, String reason) {
            return new ChainVerification(false, count, new BrokenRecord(r.seq, r.id, reason));
        }
    }

    public record BrokenRecord(long seq, UUID id, String reason) {
    }
}

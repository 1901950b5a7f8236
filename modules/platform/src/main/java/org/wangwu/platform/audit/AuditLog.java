package org.wangwu.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Appends audit records inside the caller's own transaction, so a change and its record commit or
 * fail together, and verifies a county's chain (32 interleaved shards; see {@link #SHARDS}).
 */
@ApplicationScoped
public class AuditLog {

    /**
     * A county's chain is this many interleaved chains, so up to that many of its writes append at
     * once instead of queueing on one lock. The lock (advisory lock class 1096, key
     * {@code county * SHARDS + shard}) is taken by {@code wangwu_audit_tail} (migration V1.50), which
     * picks the shard from the transaction id: a transaction's records all go to one shard.
     */
    static final int SHARDS = 32;
    private static final int VERIFY_BATCH = 1000;

    @Inject
    ObjectMapper json;

    /** Records that {@code caller} did {@code action} to a target; {@code detail} is serialised to JSON. */
    public Uni<AuditRecord> record(Mutiny.Session session, CountyCode county, Caller caller, String action,
                                   String targetType, Object targetId, Map<String, ?> detail) {
        return tail(session, county, 1).chain(tail -> {
            AuditRecord record = next(tail, caller, action, targetType, targetId, detail);
            return session.persist(record).replaceWith(record);
        });
    }

    /**
     * Where this transaction's next {@code records} records go, in one statement: the transaction's shard
     * (from its transaction id, so all its records go to one shard and two transactions never lock two
     * shards in opposite orders), the shard's lock, then (with a snapshot taken after the lock) its last
     * hash, and the seqs. Records are then chained onto it in memory ({@link #record(CombinedWrite, Tail,
     * Caller, String, String, Object, Map)}) and must be written before this transaction reads another tail.
     */
    public Uni<Tail> tail(Mutiny.Session session, CountyCode county, int records) {
        // The flush first: a record this transaction persisted earlier must be in the table to be read as the last.
        StringBuilder more = new StringBuilder();
        for (int i = 1; i < records; i++) {
            more.append(", cast(nextval('audit_record_seq') as text)");
        }
        return session.flush().chain(() -> session.createNativeQuery("select cast(shard_no as text), cast(next_seq as text), prev_hash"
                                + more + " from wangwu_audit_tail(cast(:county as varchar), cast(:shards as integer))",
                        Object[].class)
                .setParameter("county", county.value())
                .setParameter("shards", SHARDS)
                .getSingleResult())
                .map(row -> {
                    java.util.ArrayDeque<Long> seqs = new java.util.ArrayDeque<>();
                    for (int i = 1; i < row.length; i++) {
                        if (i != 2) {
                            seqs.add(Long.parseLong((String) row[i]));
                        }
                    }
                    return new Tail(county, Short.parseShort((String) row[0]), seqs,
                            row[2] == null ? AuditChain.GENESIS : (String) row[2]);
                });
    }

    /** Adds the record to {@code write}, chained onto {@code tail}. */
    public AuditRecord record(CombinedWrite write, Tail tail, Caller caller, String action, String targetType,
                              Object targetId, Map<String, ?> detail) {
        AuditRecord r = next(tail, caller, action, targetType, targetId, detail);
        write.insert("audit_record",
                "tenant_id", r.tenantId, "id", r.id, "seq", r.seq, "shard", r.shard, "occurred_at", r.occurredAt,
                "actor", r.actor, "action", r.action, "target_type", r.targetType, "target_id", r.targetId,
                "request_id", r.requestId, "detail", r.detail, "prev_hash", r.prevHash, "hash", r.hash);
        return r;
    }

    private AuditRecord next(Tail tail, Caller caller, String action, String targetType, Object targetId,
                             Map<String, ?> detail) {
        Long seq = tail.seqs.poll();
        if (seq == null) {
            throw new IllegalStateException("The audit tail was read for fewer records than this transaction writes");
        }
        AuditRecord record = new AuditRecord();
        record.tenantId = tail.county.value();
        record.id = UUID.randomUUID();
        record.shard = tail.shard;
        record.seq = seq;
        record.prevHash = tail.prevHash;
        record.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record.actor = caller.actor();
        record.action = action;
        record.targetType = targetType;
        record.targetId = targetId == null ? null : targetId.toString();
        record.requestId = caller.requestId();
        record.detail = detail == null || detail.isEmpty() ? null : toJson(detail);
        record.hash = AuditChain.hashOf(record);
        tail.prevHash = record.hash;
        return record;
    }

    /** The shard a transaction appends to, its last hash so far and the seqs drawn for it. */
    public static final class Tail {
        private final CountyCode county;
        private final short shard;
        private final java.util.Deque<Long> seqs;
        private String prevHash;

        Tail(CountyCode county, short shard, java.util.Deque<Long> seqs, String prevHash) {
            this.county = county;
            this.shard = shard;
            this.seqs = seqs;
            this.prevHash = prevHash;
        }
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

    /**
     * Walks the county's records in seq order, each shard's chain from its first record, and names the
     * first record that does not hold: altered content, or a link to its shard's previous record that
     * does not match (a record of its shard deleted or moved before it). Shard 0 also holds the records
     * written before the chain was sharded.
     */
    public Uni<ChainVerification> verify(Mutiny.Session session) {
        String[] last = new String[SHARDS];
        java.util.Arrays.fill(last, AuditChain.GENESIS);
        long[] lastSeq = new long[SHARDS];
        return verifyFrom(session, 0, last, lastSeq, 0);
    }

    private Uni<ChainVerification> verifyFrom(Mutiny.Session session, long afterSeq, String[] last, long[] lastSeq,
                                              long checked) {
        return session.createSelectionQuery("from AuditRecord where seq > :after order by seq", AuditRecord.class)
                .setParameter("after", afterSeq)
                .setMaxResults(VERIFY_BATCH)
                .getResultList()
                .chain(batch -> {
                    long count = checked;
                    for (AuditRecord r : batch) {
                        String problem = null;
                        if (r.shard < 0 || r.shard >= SHARDS) {
                            problem = "shard " + r.shard + " does not exist";
                        } else if (!r.prevHash.equals(last[r.shard])) {
                            problem = "previous-hash link does not match record " + lastSeq[r.shard]
                                    + " (the shard's previous record is missing, moved or altered)";
                        } else if (!AuditChain.hashOf(r).equals(r.hash)) {
                            problem = "content does not match its hash";
                        }
                        if (problem != null) {
                            return Uni.createFrom().item(ChainVerification.broken(count, r, problem));
                        }
                        last[r.shard] = r.hash;
                        lastSeq[r.shard] = r.seq;
                        count++;
                    }
                    if (batch.size() < VERIFY_BATCH) {
                        return Uni.createFrom().item(ChainVerification.intact(count));
                    }
                    return verifyFrom(session, batch.get(batch.size() - 1).seq, last, lastSeq, count);
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
    public record ChainVerification(
            @Schema(description = "True when every record matches its hash and its link", examples = "true") boolean intact,
            @Schema(description = "How many records were checked", examples = "1043") long recordsVerified,
            @Schema(description = "The first record that does not hold, when the chain is broken") BrokenRecord firstBroken) {
        static ChainVerification intact(long count) {
            return new ChainVerification(true, count, null);
        }

        static ChainVerification broken(long count, AuditRecord r, String reason) {
            return new ChainVerification(false, count, new BrokenRecord(r.seq, r.id, reason));
        }
    }

    public record BrokenRecord(
            @Schema(description = "The record's place in the trail", examples = "1042") long seq,
            @Schema(description = "The record's id") UUID id,
            @Schema(description = "What does not hold: its content or its link to the previous record", examples = "content does not match its hash") String reason) {
    }
}

package org.wangwu.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * {@code Idempotency-Key} with Stripe's semantics for writes that must not happen twice: the same key
 * and body return the first result; the same key with another body is a 422. The key is claimed by
 * inserting its row first in the same transaction, so a concurrent duplicate waits on the unique
 * index and then replays the committed result. Only successful results are kept: a refused request
 * rolls its key back and may be retried.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,255}");

    @Inject
    ObjectMapper json;

    @Inject
    PlatformClock clock;

    /** The outcome of a write: its status and body. */
    public record Outcome(int status, Object body) {
    }

    /**
     * @param scope   the kind of write, e.g. {@code points.redemption}, so keys of different writes never clash
     * @param request the parsed request body; its canonical JSON is what "the same body" means
     */
    public Uni<Response> execute(Mutiny.Session session, CountyCode county, String scope, String key, Object request,
                                 Supplier<Uni<Outcome>> work) {
        return execute(session, county, scope, key, request, write -> work.get());
    }

    /**
     * The same for a write that leaves its last changes in {@code write}: they and the key's response go
     * to the database as one statement.
     */
    public Uni<Response> execute(Mutiny.Session session, CountyCode county, String scope, String key, Object request,
                                 Function<CombinedWrite, Uni<Outcome>> work) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ProblemException(Problem.of(400, "idempotency-key-required", "Bad request",
                    "This write needs an Idempotency-Key header of 8 to 255 visible ASCII characters"));
        }
        String hash = hash(request);
        return session.createNativeQuery("""
                        insert into idempotency_record (tenant_id, scope, idem_key, request_hash, status, created_at)
                        values (:county, :scope, :key, :hash, 0, :now) on conflict do nothing""")
                .setParameter("county", county.value()).setParameter("scope", scope).setParameter("key", key)
                .setParameter("hash", hash).setParameter("now", clock.now())
                .executeUpdate()
                .chain(claimed -> claimed == 1 ? first(session, county, scope, key, work) : replay(session, scope, key, hash));
    }

    private Uni<Response> first(Mutiny.Session session, CountyCode county, String scope, String key,
                                Function<CombinedWrite, Uni<Outcome>> work) {
        CombinedWrite write = new CombinedWrite();
        return work.apply(write).chain(outcome -> {
            write.add("update idempotency_record set status = " + write.bind(outcome.status()) + ", response = "
                    + write.bind(write(outcome.body())) + " where tenant_id = " + write.bind(county.value())
                    + " and scope = " + write.bind(scope) + " and idem_key = " + write.bind(key));
            return write.execute(session).replaceWith(Response.status(outcome.status()).entity(outcome.body()).build());
        });
    }

    private Uni<Response> replay(Mutiny.Session session, String scope, String key, String hash) {
        return session.createNativeQuery(
                        "select request_hash, status, response from idempotency_record where scope = :scope and idem_key = :key",
                        Object[].class)
                .setParameter("scope", scope).setParameter("key", key).getSingleResult()
                .map(row -> {
                    if (!hash.equals(row[0])) {
                        throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Unprocessable request",
                                "This Idempotency-Key was already used with a different request body"));
                    }
                    return Response.status(((Number) row[1]).intValue()).entity(read((String) row[2]))
                            .header(REPLAYED_HEADER, "true").build();
                });
    }

    private String hash(Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(json.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

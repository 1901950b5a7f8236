package org.wangwu.platform.tenancy;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.county.County;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.module.CountyModule;
import org.wangwu.platform.module.ModuleService;

/**
 * The county gate's database checks: the county exists and is active, and the module (if any) is
 * switched on. Run inside the session of a county transaction; the rows read stay in the session,
 * so the work reading the module's settings after it issues no second statement for them.
 */
@ApplicationScoped
public class CountyGate {

    private static final String PENDING = "wangwu.gate.pending";

    /** A gate the filter left for the request's first county transaction. */
    record Pending(CountyCode county, String moduleKey) {
    }

    public Uni<Void> check(Mutiny.Session session, CountyCode county, String moduleKey) {
        if (moduleKey == null) {
            return session.find(County.class, county.value()).invoke(found -> refuseUnlessActive(county, found))
                    .replaceWithVoid();
        }
        // One statement for both rows; the module row stays in the session for the work's settings.
        return session.createSelectionQuery("select c, m from County c left join CountyModule m on m.moduleKey = :key"
                        + " where c.code = :code", Object[].class)
                .setParameter("key", moduleKey).setParameter("code", county.value())
                .getSingleResultOrNull()
                .invoke(row -> {
                    refuseUnlessActive(county, row == null ? null : (County) row[0]);
                    CountyModule module = (CountyModule) row[1];
                    if (module == null || !module.enabled) {
                        throw ModuleService.notEnabled(county, moduleKey);
                    }
                })
                .replaceWithVoid();
    }

    private static void refuseUnlessActive(CountyCode county, County found) {
        if (found == null) {
            throw ProblemException.notFound("County", county);
        }
        if (found.status == County.Status.SUSPENDED) {
            throw ProblemException.forbidden("county-suspended", "County " + county + " is suspended");
        }
    }

    static void defer(CountyCode county, String moduleKey) {
        ContextLocals.put(PENDING, new Pending(county, moduleKey));
    }

    /** Runs (once) the gate the filter deferred to this request's transaction for {@code county}. */
    Uni<Void> checkDeferred(Mutiny.Session session, CountyCode county) {
        Optional<Pending> pending;
        try {
            pending = ContextLocals.get(PENDING);
        } catch (UnsupportedOperationException | IllegalStateException notOnDuplicatedContext) {
            return Uni.createFrom().voidItem();
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!pending.get().county().equals(county)) {
            throw new IllegalStateException("The deferred gate is for county " + pending.get().county()
                    + ", the transaction for " + county);
        }
        ContextLocals.remove(PENDING);
        return check(session, county, pending.get().moduleKey());
    }
}

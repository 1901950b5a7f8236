package org.wangwu.platform.tenancy;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.county.County;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.module.ModuleService;

/**
 * The county gate's database checks: the county exists and is active, and the module (if any) is
 * switched on. Run inside the session of a county transaction; the rows read stay in the session,
 * so the work reading the module's settings after it issues no second statement for them.
 */
@ApplicationScoped
public class CountyGate {

    private static final String PENDING = "wangwu.gate.pending";

    @Inject
    ModuleService modules;

    /** A gate the filter left for the request's first county transaction. */
    record Pending(CountyCode county, String moduleKey) {
    }

    public Uni<Void> check(Mutiny.Session session, CountyCode county, String moduleKey) {
        return session.find(County.class, county.value()).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("County", county);
            }
            if (found.status == County.Status.SUSPENDED) {
                throw ProblemException.forbidden("county-suspended", "County " + county + " is suspended");
            }
            if (moduleKey == null) {
                return Uni.createFrom().voidItem();
            }
            return modules.requireEnabled(session, county, moduleKey);
        });
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

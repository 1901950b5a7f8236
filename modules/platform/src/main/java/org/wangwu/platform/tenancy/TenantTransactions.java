package org.wangwu.platform.tenancy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.ProblemException;

/**
 * Runs a unit of work for one county: one transaction whose first statement sets
 * {@code app.tenant_id} for PostgreSQL row-level security, with the Hibernate tenant filter bound to
 * the same county. The county is an explicit argument, never read from the HTTP request here.
 * If the county gate deferred its checks to this request's transaction ({@link GateInWorkTransaction}),
 * they run right after, before the work.
 */
@ApplicationScoped
public class TenantTransactions {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    CountyGate gate;

    public <T> Uni<T> inCounty(CountyCode county, Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            CurrentCounty.set(county);
            return sessions.withTransaction(session -> session
                            .createNativeQuery("select set_config('app.tenant_id', :county, true)")
                            .setParameter("county", county.value())
                            .getSingleResult()
                            .chain(ignored -> gate.checkDeferred(session, county))
                            .chain(ignored -> work.apply(session)))
                    .eventually(CurrentCounty::clear);
        });
    }

    /**
     * A province's read of aggregates: one transaction that sets {@code app.province} and no county,
     * so row-level security shows it the monthly fact rollups and module switches of that province's
     * counties (select-only policies) and no county-owned record at all.
     */
    public <T> Uni<T> inProvince(String province, Function<Mutiny.Session, Uni<T>> work) {
        if (province == null || !province.matches("[1-8][0-9]")) {
            throw ProblemException.notFound("Province", province);
        }
        return sessions.withTransaction(session -> session
                .createNativeQuery("select set_config('app.province', :province, true)")
                .setParameter("province", province)
                .getSingleResult()
                .chain(ignored -> work.apply(session)));
    }

    /** Platform-level work that touches no county-owned table (the county registry itself). */
    public <T> Uni<T> platform(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.withTransaction(work::apply);
    }
}

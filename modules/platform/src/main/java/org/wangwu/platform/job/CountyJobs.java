package org.wangwu.platform.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.wangwu.platform.county.County;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/**
 * Runs a scheduled job once per active county, one county after another, each passed its county
 * explicitly. A failure in one county is logged and does not stop the others.
 */
@ApplicationScoped
public class CountyJobs {

    private static final Logger LOG = Logger.getLogger(CountyJobs.class);

    @Inject
    TenantTransactions tx;

    public Uni<Void> forEachActiveCounty(String job, Function<CountyCode, Uni<?>> work) {
        return activeCounties().chain(counties -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CountyCode county : counties) {
                chain = chain.chain(() -> work.apply(county)
                        .onFailure().invoke(e -> LOG.errorf(e, "Job %s failed for county %s", job, county))
                        .onFailure().recoverWithNull()
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    public Uni<List<CountyCode>> activeCounties() {
        return tx.platform(s -> s.createSelectionQuery("select code from County where status = :active order by code",
                        String.class).setParameter("active", County.Status.ACTIVE).getResultList())
                .map(codes -> codes.stream().map(CountyCode::of).toList());
    }
}

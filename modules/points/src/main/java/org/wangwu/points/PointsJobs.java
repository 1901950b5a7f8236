package org.wangwu.points;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.points.award.AwardService;
import org.wangwu.points.ledger.Ledger;
import org.wangwu.points.rules.Policies;

/**
 * The module's jobs, declared in {@link PointsModule} and run by the platform per county where the
 * module is on: posting awards whose disclosure ended, and expiring points. Both are safe to run
 * twice (a second run finds nothing left to do).
 */
@ApplicationScoped
public class PointsJobs {

    @Inject
    TenantTransactions tx;

    @Inject
    Policies policies;

    @Inject
    AwardService awards;

    @Inject
    Ledger ledger;

    @Inject
    DomainEvents events;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    /** Posts the county's awards whose disclosure period ended with no open objection. */
    public Uni<Integer> postDisclosed(CountyCode county) {
        return tx.inCounty(county, s -> policies.current(s).chain(policy -> awards.postDue(s, county, policy)));
    }

    /** Expires what is left of lots whose expiry day has come, account by account. */
    public Uni<Integer> expire(CountyCode county) {
        return tx.inCounty(county, s -> s.createSelectionQuery("""
                        select distinct accountId from PointsLot where remaining > 0 and expiresOn <= :today""",
                        UUID.class).setParameter("today", clock.today()).getResultList()
                .chain(ids -> expireEach(s, county, ids, 0, 0)));
    }

    private Uni<Integer> expireEach(Mutiny.Session s, CountyCode county, List<UUID> ids, int i, int done) {
        if (i >= ids.size()) {
            return Uni.createFrom().item(done);
        }
        Caller system = Caller.system("points-expiry", county);
        return ledger.lock(s, ids.get(i))
                .chain(account -> ledger.expire(s, account, clock.today(), system.actor()).chain(entry -> entry == null
                        ? Uni.createFrom().item(0)
                        : events.publish(s, county, PointsModule.POINTS_EXPIRED, "points-account", account.id,
                                        Map.of("accountId", account.id.toString(), "villageCode", account.villageCode,
                                                "points", -entry.points, "entryId", entry.id.toString()))
                                .chain(() -> audit.record(s, county, system, "points.points-expired", "points-account",
                                        account.id, Map.of("points", -entry.points, "entry", entry.id.toString())))
                                .replaceWith(1)))
                .chain(n -> expireEach(s, county, ids, i + 1, done + n));
    }
}

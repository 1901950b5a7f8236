package org.wangwu.customs;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wangwu.customs.lists.ListService;
import org.wangwu.customs.registration.RegistrationService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/**
 * The module's per-county jobs, run by the platform where the module is on: flag council decisions
 * past their deadline, list black-list notices whose notice ended, and end expired list entries.
 * Each is safe to run twice (a second run finds nothing left to do).
 */
@ApplicationScoped
public class CustomsJobs {

    @Inject
    TenantTransactions tx;

    @Inject
    RegistrationService registrations;

    @Inject
    ListService lists;

    public Uni<Integer> flagOverdueDecisions(CountyCode county) {
        return tx.inCounty(county, s -> registrations.flagOverdue(s, county));
    }

    public Uni<Integer> listDueNotices(CountyCode county) {
        return tx.inCounty(county, s -> lists.listDue(s, county));
    }

    public Uni<Integer> expireListEntries(CountyCode county) {
        return tx.inCounty(county, s -> lists.expire(s, county));
    }
}

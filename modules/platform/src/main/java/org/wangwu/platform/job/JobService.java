package org.wangwu.platform.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.job.JobViews.JobView;
import org.wangwu.platform.job.JobViews.RunView;
import org.wangwu.platform.module.JobDefinition;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** A county's view of a module's jobs: list them with their last runs, run one now. The module's permissions decide. */
@ApplicationScoped
public class JobService {

    private static final int LAST_RUNS = 5;

    @Inject
    ModuleService modules;

    @Inject
    JobRunner runner;

    @Inject
    TenantTransactions tx;

    public Uni<List<JobView>> list(CountyCode county, String module, Caller caller) {
        ModuleDescriptor d = modules.descriptor(module);
        d.permissions().readJobs(caller);
        return tx.inCounty(county, s -> modules.requireEnabled(s, county, module)
                .chain(() -> runner.schedules(s, module))
                .chain(schedules -> s.createSelectionQuery("""
                                from JobRun r where r.moduleKey = :module and (select count(*) from JobRun n
                                  where n.moduleKey = r.moduleKey and n.jobKey = r.jobKey and n.startedAt > r.startedAt)
                                  < :last
                                order by r.startedAt desc, r.id desc""", JobRun.class)
                        .setParameter("module", module).setParameter("last", (long) LAST_RUNS).getResultList()
                        .map(runs -> d.jobs().stream().map(job -> {
                            Object[] schedule = schedules.stream().filter(row -> job.key().equals(row[0])).findFirst()
                                    .orElse(new Object[] {job.key(), null, false});
                            return new JobView(job.key(), job.name(), job.every().toString(), JobRunner.instant(schedule[1]),
                                    Boolean.TRUE.equals(schedule[2]), runs.stream()
                                    .filter(r -> r.jobKey.equals(job.key())).map(RunView::of).toList());
                        }).toList())));
    }

    public Uni<RunView> runNow(CountyCode county, String module, String jobKey, Caller caller) {
        ModuleDescriptor d = modules.descriptor(module);
        d.permissions().runJobs(caller);
        JobDefinition job = d.job(jobKey).orElseThrow(() -> ProblemException.notFound("Job", module + "." + jobKey));
        return tx.inCounty(county, s -> modules.requireEnabled(s, county, module))
                .chain(() -> runner.runNow(county, module, job, caller)).map(RunView::of);
    }
}

package org.wangwu.platform.job;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.module.JobDefinition;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * Runs the jobs modules declare, per county where the module is on. Each tick claims a county's due
 * slot in {@code job_schedule} with a conditional update (slot due, no live lease), so with many
 * nodes one of them runs it; the lease lets another node take over a slot whose node died. Every
 * run, scheduled or by hand, is recorded in {@code job_run}.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    @Inject
    ModuleRegistry registry;

    @Inject
    CountyJobs counties;

    @Inject
    TenantTransactions tx;

    @Inject
    PlatformClock clock;

    @Inject
    NodeIdentity node;

    @ConfigProperty(name = "wangwu.jobs.lease", defaultValue = "PT15M")
    Duration lease;

    @Scheduled(every = "${wangwu.jobs.tick:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runDue(node.id()).replaceWithVoid();
    }

    /** One node's pass over every active county: claims and runs each due slot; answers the runs it made. */
    public Uni<List<JobRun>> runDue(String nodeId) {
        return counties.activeCounties().chain(codes -> {
            List<JobRun> runs = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CountyCode county : codes) {
                chain = chain.chain(() -> runDue(county, nodeId).invoke(runs::addAll)
                        .onFailure().invoke(e -> LOG.errorf(e, "Job runner failed in county %s", county))
                        .onFailure().recoverWithNull().replaceWithVoid());
            }
            return chain.replaceWith(runs);
        });
    }

    private Uni<List<JobRun>> runDue(CountyCode county, String nodeId) {
        return tx.inCounty(county, s -> s.createSelectionQuery(
                        "select moduleKey from CountyModule where enabled = true", String.class).getResultList())
                .chain(enabled -> {
                    List<JobRun> runs = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ModuleDescriptor module : registry.all()) {
                        if (!enabled.contains(module.key())) {
                            continue;
                        }
                        for (JobDefinition job : module.jobs()) {
                            chain = chain.chain(() -> claimSlot(county, module.key(), job, nodeId)
                                    .chain(claim -> claim == null ? Uni.createFrom().voidItem()
                                            : run(county, module.key(), job, claim, "system:jobs").invoke(runs::add)
                                            .replaceWithVoid()));
                        }
                    }
                    return chain.replaceWith(runs);
                });
    }

    /** Runs a job now, by hand; refused with 409 while a run of it holds the lease. */
    public Uni<JobRun> runNow(CountyCode county, String module, JobDefinition job, Caller caller) {
        Instant now = clock.now();
        Claim claim = new Claim(JobRun.Trigger.MANUAL, null, node.id(), owner(node.id()));
        return tx.inCounty(county, s -> ensureSchedule(s, county, module, job, now.plus(job.every()))
                        .chain(() -> s.createNativeQuery("""
                                        update job_schedule set lease_until = :until, lease_owner = :owner
                                        where tenant_id = :county and module_key = :module and job_key = :job
                                          and (lease_until is null or lease_until < :now)""")
                                .setParameter("until", now.plus(lease)).setParameter("owner", claim.owner())
                                .setParameter("county", county.value()).setParameter("module", module)
                                .setParameter("job", job.key()).setParameter("now", now).executeUpdate()))
                .chain(claimed -> {
                    if (claimed == 0) {
                        throw ProblemException.conflict("job-running", "Job " + module + "." + job.key()
                                + " is running in county " + county + "; try again when it has finished");
                    }
                    return run(county, module, job, claim, caller.actor());
                });
    }

    /** A claimed run: how it was started, the slot it holds (scheduled runs), and the lease's owner. */
    private record Claim(JobRun.Trigger trigger, Instant slot, String node, String owner) {
    }

    private Uni<Claim> claimSlot(CountyCode county, String module, JobDefinition job, String nodeId) {
        Instant now = clock.now();
        String owner = owner(nodeId);
        return tx.inCounty(county, s -> ensureSchedule(s, county, module, job, now)
                .chain(() -> s.createNativeQuery("""
                                update job_schedule set lease_until = :until, lease_owner = :owner
                                where tenant_id = :county and module_key = :module and job_key = :job
                                  and next_run_at <= :now and (lease_until is null or lease_until < :now)""")
                        .setParameter("until", now.plus(lease)).setParameter("owner", owner)
                        .setParameter("county", county.value()).setParameter("module", module)
                        .setParameter("job", job.key()).setParameter("now", now).executeUpdate())
                .chain(claimed -> claimed == 0 ? Uni.createFrom().nullItem() : s.createNativeQuery("""
                                select next_run_at from job_schedule
                                where tenant_id = :county and module_key = :module and job_key = :job""", Object.class)
                        .setParameter("county", county.value()).setParameter("module", module)
                        .setParameter("job", job.key()).getSingleResult()
                        .map(slot -> new Claim(JobRun.Trigger.SCHEDULE, instant(slot), nodeId, owner))));
    }

    private Uni<Integer> ensureSchedule(Mutiny.Session s, CountyCode county, String module, JobDefinition job,
                                        Instant firstSlot) {
        return s.createNativeQuery("""
                        insert into job_schedule (tenant_id, module_key, job_key, next_run_at)
                        values (:county, :module, :job, :first) on conflict do nothing""")
                .setParameter("county", county.value()).setParameter("module", module).setParameter("job", job.key())
                .setParameter("first", firstSlot).executeUpdate();
    }

    private Uni<JobRun> run(CountyCode county, String module, JobDefinition job, Claim claim, String startedBy) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.moduleKey = module;
        run.jobKey = job.key();
        run.trigger = claim.trigger();
        run.slot = claim.slot();
        run.node = claim.node();
        run.startedBy = startedBy;
        run.startedAt = clock.now();
        return Uni.createFrom().deferred(() -> job.work().apply(county))
                .onItemOrFailure().transformToUni((processed, failure) -> {
                    run.finishedAt = clock.now();
                    run.processed = processed == null ? 0 : processed;
                    run.outcome = failure == null ? JobRun.Outcome.SUCCEEDED : JobRun.Outcome.FAILED;
                    if (failure != null) {
                        LOG.errorf(failure, "Job %s.%s failed in county %s (run %s)", module, job.key(), county, run.id);
                        run.error = truncate(failure.getClass().getName() + ": " + failure.getMessage(), 2000);
                        run.publicError = failure instanceof ProblemException p ? truncate(p.problem().detail(), 1000)
                                : "The run failed; operators find the cause under run " + run.id;
                    }
                    return tx.inCounty(county, s -> s.persist(run).chain(() -> release(s, county, module, job, claim,
                            run.finishedAt)));
                })
                .replaceWith(run);
    }

    /** Frees the lease; a scheduled run also moves the slot on (past missed slots, when the node was down). */
    private Uni<Integer> release(Mutiny.Session s, CountyCode county, String module, JobDefinition job, Claim claim,
                                 Instant now) {
        Instant next = claim.slot() == null ? null : claim.slot().plus(job.every());
        if (next != null && !next.isAfter(now)) {
            next = now.plus(job.every());
        }
        var update = s.createNativeQuery("update job_schedule set lease_until = null, lease_owner = null"
                        + (next == null ? "" : ", next_run_at = :next")
                        + " where tenant_id = :county and module_key = :module and job_key = :job and lease_owner = :owner")
                .setParameter("county", county.value()).setParameter("module", module).setParameter("job", job.key())
                .setParameter("owner", claim.owner());
        if (next != null) {
            update.setParameter("next", next);
        }
        return update.executeUpdate();
    }

    /** The jobs' schedule rows of a module in the county: next slot and whether a run holds the lease. */
    public Uni<List<Object[]>> schedules(Mutiny.Session s, String module) {
        return s.createNativeQuery("""
                        select job_key, next_run_at, lease_until > :now from job_schedule
                        where module_key = :module""", Object[].class)
                .setParameter("module", module).setParameter("now", clock.now()).getResultList();
    }

    /** A timestamp as the reactive driver hands it back from native SQL. */
    static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }

    private static String owner(String nodeId) {
        return nodeId + "/" + UUID.randomUUID();
    }

    private static String truncate(String text, int max) {
        return text == null ? null : text.substring(0, Math.min(text.length(), max));
    }
}

package org.wangwu.server.nodes;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.event.EventDispatcher;
import org.wangwu.platform.job.JobRun;
import org.wangwu.platform.job.JobRunner;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.noticeboard.NoticeBoardModule;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;
import org.wangwu.server.support.Database;

/**
 * Many replicas, one database: the job runner and the event dispatcher run as two nodes at once
 * (two threads, two node ids, each with its own connections) against the one database, and every
 * job runs once per county per slot, every event is consumed once per consumer.
 */
@QuarkusTest
class ManyNodesTest {

    @Inject
    JobRunner runner;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    DomainEvents events;

    @Inject
    TenantTransactions tx;

    @Inject
    PlatformClock clock;

    @BeforeEach
    void boardOnInBothCounties() {
        Counties.onboardDemoCounties();
        for (String[] admin : new String[][] {{"jiyuan-admin", Api.JIYUAN}, {"anji-admin", Api.ANJI}}) {
            as(admin[0]).body(Map.of("enabled", true)).put(county(admin[1]) + "/modules/noticeboard/status").then()
                    .statusCode(200);
        }
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void eachJobRunsOncePerCountyPerSlotOnTwoNodes() throws Exception {
        Database.update("delete from job_schedule");
        List<List<JobRun>> first = onTwoNodes(node -> runner.runDue(node));
        assertOneRunPerSlot();
        Assertions.assertEquals(1, archiveRuns(Api.JIYUAN));
        Assertions.assertEquals(1, archiveRuns(Api.ANJI));
        // Between them the two nodes ran each county's slot once (every county where the board is on).
        Assertions.assertEquals(Database.count("select count(*) from job_run where trigger = 'SCHEDULE' and "
                + "module_key = 'noticeboard'"), first.stream().flatMap(List::stream)
                .filter(r -> r.moduleKey.equals(NoticeBoardModule.KEY)).count());

        // Nothing is due until the next slot; then each county's slot runs once more, on one node.
        onTwoNodes(node -> runner.runDue(node));
        Assertions.assertEquals(1, archiveRuns(Api.JIYUAN));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        onTwoNodes(node -> runner.runDue(node));
        assertOneRunPerSlot();
        Assertions.assertEquals(2, archiveRuns(Api.JIYUAN));
        Assertions.assertEquals(2, archiveRuns(Api.ANJI));
    }

    @Test
    void eachEventIsConsumedOnceByEachConsumerOnTwoNodes() throws Throwable {
        String marker = "many-nodes-" + UUID.randomUUID();
        CountyCode jiyuan = CountyCode.of(Api.JIYUAN);
        for (int i = 0; i < 20; i++) {
            String title = marker + "-" + i;
            VertxContextSupport.subscribeAndAwait(() -> tx.inCounty(jiyuan, s -> events.publish(s, jiyuan,
                    NoticeBoardModule.RESOLUTION_ADOPTED, "consultation-matter", UUID.randomUUID(),
                    Map.of("title", title))));
        }
        // Two nodes dispatch the county at once (the scheduled dispatcher of this process makes a third).
        onTwoNodes(node -> dispatcher.dispatch(jiyuan));
        onTwoNodes(node -> dispatcher.dispatch(jiyuan));
        String ours = "(select id from domain_event where payload like '%" + marker + "%')";
        for (int i = 0; i < 60 && Database.count("select count(*) from domain_event_delivery where consumer = "
                + "'noticeboard' and event_id in " + ours) < 20; i++) {
            Thread.sleep(500);
        }
        Assertions.assertEquals(20, Database.count("select count(*) from noticeboard_notice where body like '"
                + marker + "-%'"), "each event posted exactly one notice");
        Assertions.assertEquals(20, Database.count("select count(*) from domain_event_delivery where consumer = "
                + "'noticeboard' and status = 'DELIVERED' and attempts = 1 and event_id in " + ours));
        Assertions.assertEquals(20, Database.count("select count(*) from domain_event_delivery where consumer = "
                + "'platform.webhooks' and status = 'DELIVERED' and attempts = 1 and event_id in " + ours));
    }

    private static void assertOneRunPerSlot() {
        Assertions.assertEquals(0, Database.count("select count(*) from (select 1 from job_run where trigger = "
                + "'SCHEDULE' group by tenant_id, module_key, job_key, slot having count(*) > 1) twice"));
        Assertions.assertEquals(0, Database.count("select count(*) from job_run where trigger = 'SCHEDULE' and "
                + "(slot is null or outcome <> 'SUCCEEDED')"));
    }

    private static long archiveRuns(String code) {
        return Database.count("select count(*) from job_run where trigger = 'SCHEDULE' and module_key = 'noticeboard'"
                + " and job_key = 'archive' and tenant_id = '" + code + "'");
    }

    /** Starts the same work as node-a and node-b at the same moment, each on its own thread, and waits for both. */
    private static <T> List<T> onTwoNodes(java.util.function.Function<String, Uni<T>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(2);
        try {
            List<Future<T>> runs = threads.invokeAll(List.of(node(work, "node-a", start), node(work, "node-b", start)),
                    5, java.util.concurrent.TimeUnit.MINUTES);
            List<T> out = new java.util.ArrayList<>();
            for (Future<T> run : runs) {
                out.add(run.get());
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> Callable<T> node(java.util.function.Function<String, Uni<T>> work, String id,
                                        CountDownLatch start) {
        return () -> {
            start.countDown();
            start.await();
            Supplier<Uni<T>> run = () -> work.apply(id);
            try {
                return VertxContextSupport.subscribeAndAwait(run);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }
}

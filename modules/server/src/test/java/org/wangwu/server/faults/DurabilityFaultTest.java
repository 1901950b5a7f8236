package org.wangwu.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wangwu.local.EmbeddedDatabase;
import org.wangwu.local.EmbeddedDatabase.Durability;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.Tokens;
import org.wangwu.server.support.WangwuTestEnvironment;

/**
 * Nothing acknowledged is lost, nothing is written twice. A few clients record points awards (each with
 * its own Idempotency-Key, retried with the same key until answered 2xx) while PostgreSQL loses the
 * app's connections, loses a backend to SIGKILL (the postmaster then restarts every backend and replays
 * its WAL) and is restarted. Afterwards every award answered 2xx is in the database exactly once, with
 * its one ledger entry. The suite's server runs FAST (no fsync, asynchronous commit): this test restarts
 * it DURABLE first, as the run command starts it, and back to FAST at the end.
 */
@QuarkusTest
class DurabilityFaultTest {

    private static final int CLIENTS = 4;
    private static final int AWARDS_PER_CLIENT = 30;
    private static final Pattern AWARD_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What one fault did to the load, for the log and the note. */
    record Figures(String fault, int requests, int acknowledged, int failedAttempts, int lost, int duplicated, long recoveryMillis) {
        @Override
        public String toString() {
            return String.format("%-45s requests %4d, acknowledged %3d, failed attempts %3d, lost %d, written twice %d, time to recover %5d ms",
                    fault, requests, acknowledged, failedAttempts, lost, duplicated, recoveryMillis);
        }
    }

    @Test
    void everyAcknowledgedAwardSurvivesKilledConnectionsACrashedBackendAndARestart() throws Exception {
        PointsFixture.seed(0);
        EmbeddedDatabase database = WangwuTestEnvironment.database();
        database.restart(Durability.DURABLE);
        try {
            assertEquals(200, Readiness.await());
            underFaults(database);
        } finally {
            database.restart(Durability.FAST);
            assertEquals(200, Readiness.await());
        }
    }

    private void underFaults(EmbeddedDatabase database) throws Exception {
        assertEquals("on", Database.text("show synchronous_commit"));
        assertEquals("on", Database.text("show fsync"));
        List<String> households = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            households.add(PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE));
        }
        List<Figures> figures = new ArrayList<>();
        figures.add(underLoad("pg_terminate_backend of the app's connections", households, () ->
                Database.count("select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = 'wangwu_app'")));
        figures.add(underLoad("SIGKILL of a backend (crash recovery)", households, () -> {
            long pid = Database.count("select pid from pg_stat_activity where usename = 'wangwu_app' order by backend_start limit 1");
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        }));
        figures.add(underLoad("pg_ctl restart of the server", households, database::restart));

        System.out.println("\nDurability under faults (" + CLIENTS + " clients x " + AWARDS_PER_CLIENT + " awards per fault):");
        figures.forEach(f -> System.out.println("  " + f));
        for (Figures f : figures) {
            assertEquals(CLIENTS * AWARDS_PER_CLIENT, f.acknowledged(), f.toString());
            assertEquals(0, f.lost(), f.toString());
            assertEquals(0, f.duplicated(), f.toString());
        }
        // The other county saw none of it.
        assertEquals(0, Database.count("select count(*) from points_award where tenant_id <> '" + Api.JIYUAN
                + "' and description like 'fault-%'"));
    }

    private Figures underLoad(String fault, List<String> households, Runnable inject) throws Exception {
        String run = "fault-" + UUID.randomUUID().toString().substring(0, 8);
        int total = CLIENTS * AWARDS_PER_CLIENT;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong faultAt = new AtomicLong();
        AtomicLong firstAckAfterFault = new AtomicLong();
        CountDownLatch thirdDone = new CountDownLatch(total / 3);
        String token = Tokens.user("jiyuan-cadre");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String household = households.get(c);
                String client = run + "-" + c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < AWARDS_PER_CLIENT; i++) {
                        String key = client + "-" + i;
                        String body = "{\"ruleCode\":\"RECORD-DIRECT\",\"householdId\":\"" + household + "\",\"description\":\"" + key + "\"}";
                        for (int attempt = 0; attempt < 200; attempt++) {
                            long sent = System.nanoTime();
                            requests.incrementAndGet();
                            HttpResponse<String> answer = send(token, key, body);
                            if (answer != null && answer.statusCode() / 100 == 2) {
                                Matcher id = AWARD_ID.matcher(answer.body());
                                acknowledged.put(key, id.find() ? id.group(1) : "");
                                if (faultAt.get() != 0 && sent > faultAt.get()) {
                                    firstAckAfterFault.compareAndSet(0, System.nanoTime());
                                }
                                thirdDone.countDown();
                                break;
                            }
                            failed.incrementAndGet();
                            pause(100);
                        }
                    }
                    return null;
                }));
            }
            thirdDone.await();
            faultAt.set(System.nanoTime());
            inject.run();
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, Readiness.await(), "readiness after " + fault);
        Map<String, Long> stored = new ConcurrentHashMap<>();
        String rows = Database.text("select coalesce(string_agg(a.description || '=' || a.id || '=' || (select count(*) from points_ledger_entry e"
                + " where e.tenant_id = a.tenant_id and e.award_id = a.id), ','), '') from points_award a where a.description like '" + run + "-%'");
        int duplicated = 0;
        int withoutOneEntry = 0;
        for (String row : rows.isEmpty() ? new String[0] : rows.split(",")) {
            String[] parts = row.split("=");
            if (stored.merge(parts[0], 1L, Long::sum) > 1) {
                duplicated++;
            }
            if (!parts[2].equals("1")) {
                withoutOneEntry++;
            }
            if (acknowledged.containsKey(parts[0]) && !acknowledged.get(parts[0]).equals(parts[1])) {
                duplicated++; // answered with one award, stored as another
            }
        }
        int lost = (int) acknowledged.keySet().stream().filter(key -> !stored.containsKey(key)).count();
        assertEquals(0, withoutOneEntry, "awards without exactly one ledger entry after " + fault);
        assertTrue(firstAckAfterFault.get() != 0, "no award was acknowledged after " + fault);
        return new Figures(fault, requests.get(), acknowledged.size(), failed.get(), lost, duplicated,
                Duration.ofNanos(firstAckAfterFault.get() - faultAt.get()).toMillis());
    }

    /** One attempt; null when the connection itself failed (the app being unreachable counts as unanswered). */
    private HttpResponse<String> send(String token, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/counties/"
                        + Api.JIYUAN + "/points/awards"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

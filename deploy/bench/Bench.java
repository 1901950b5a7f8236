// Closed-loop HTTP load generator for the points benchmark (java Bench.java ...), JDK only.
// Usage: java Bench.java <redeem|award> <baseUrl> <tokenFile> <targetsCsv> <connections> <seconds> <warmupSeconds>
// targetsCsv lines: accountId,supermarketId,goodsId,householdId
// Prints one line: RESULT mode conns seconds requests rps p50ms p99ms maxms ok non2xx errors statuses={...}
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class Bench {
    public static void main(String[] a) throws Exception {
        String mode = a[0], base = a[1];
        String token = Files.readString(Path.of(a[2])).trim();
        List<String[]> targets = Files.readAllLines(Path.of(a[3])).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(",")).toList();
        int conns = Integer.parseInt(a[4]);
        int seconds = Integer.parseInt(a[5]);
        int warmup = Integer.parseInt(a[6]);
        String county = "419001";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        ConcurrentHashMap<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        long[][] lat = new long[conns][];
        int[] counts = new int[conns];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[conns];
        for (int t = 0; t < conns; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) break;
                    String[] tg = targets.get(rnd.nextInt(targets.size()));
                    String key = "bench-" + UUID.randomUUID();
                    String uri, body;
                    if (mode.equals("redeem")) {
                        uri = base + "/api/v1/counties/" + county + "/points/supermarkets/" + tg[1] + "/redemptions";
                        body = "{\"accountId\":\"" + tg[0] + "\",\"goodsId\":\"" + tg[2] + "\",\"quantity\":1}";
                    } else {
                        uri = base + "/api/v1/counties/" + county + "/points/awards";
                        body = "{\"ruleCode\":\"BENCH-DIRECT\",\"householdId\":\"" + tg[3]
                                + "\",\"description\":\"bench\"}";
                    }
                    HttpRequest req = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    String status;
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        status = Integer.toString(r.statusCode());
                        if (r.statusCode() >= 300 && statuses.getOrDefault(status, new AtomicLong()).get() < 3) {
                            System.err.println("non-2xx " + status + ": " + r.body());
                        }
                    } catch (Exception e) {
                        status = "error:" + e.getClass().getSimpleName();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = t1 - t0;
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (status.startsWith("error")) errors.incrementAndGet();
                    }
                }
                lat[id] = mine;
                counts[id] = n;
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        int total = 0;
        for (int c : counts) total += c;
        long[] all = new long[total];
        int p = 0;
        for (int t = 0; t < conns; t++) {
            System.arraycopy(lat[t], 0, all, p, counts[t]);
            p += counts[t];
        }
        Arrays.sort(all);
        long ok = 0, non2xx = 0;
        for (var e : statuses.entrySet()) {
            if (e.getKey().startsWith("2")) ok += e.getValue().get();
            else if (!e.getKey().startsWith("error")) non2xx += e.getValue().get();
        }
        double rps = ok / (double) seconds;
        System.out.printf(Locale.ROOT, "RESULT %s %d %d %d %.1f %.2f %.2f %.2f %d %d %d statuses=%s%n", mode, conns,
                seconds, total, rps, pct(all, 50), pct(all, 99), total == 0 ? 0 : all[total - 1] / 1e6, ok, non2xx,
                errors.get(), new TreeMap<>(statuses));
        System.exit(0);
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(q / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}

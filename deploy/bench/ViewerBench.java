// Closed-loop GET load generator for the dashboards benchmark (java ViewerBench.java ...), JDK only.
// Usage: java ViewerBench.java <baseUrl> <tokenFile> <path> <viewers> <seconds> <warmupSeconds>
// Each viewer (thread) asks for <path> again as soon as the answer is read (body included), accepting gzip as a
// browser does (the bytes column is what came over the wire).
// Prints one line: RESULT viewers requests rps p50ms p95ms p99ms maxms ok non2xx bytes
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

public class ViewerBench {
    public static void main(String[] a) throws Exception {
        String base = a[0], token = Files.readString(Path.of(a[1])).trim(), path = a[2];
        int viewers = Integer.parseInt(a[3]), seconds = Integer.parseInt(a[4]), warmup = Integer.parseInt(a[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").GET().build();
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        long[][] latencies = new long[viewers][];
        int[] counts = new int[viewers];
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), bytes = new AtomicLong();
        Thread[] threads = new Thread[viewers];
        for (int t = 0; t < viewers; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    long size = 0;
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        size = r.body().length;
                    } catch (Exception e) {
                        status = -1;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = t1 - t0;
                        (status / 100 == 2 ? ok : failed).incrementAndGet();
                        bytes.set(size);
                    }
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        long[] all = new long[Arrays.stream(counts).sum()];
        int p = 0;
        for (int t = 0; t < viewers; t++) {
            System.arraycopy(latencies[t], 0, all, p, counts[t]);
            p += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "RESULT %d %d %.1f %.1f %.1f %.1f %.1f %d %d %d%n", viewers, all.length,
                ok.get() / (double) seconds, pct(all, 50), pct(all, 95), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, ok.get(), failed.get(), bytes.get());
        System.exit(0);
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(q / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}

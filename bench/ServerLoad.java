import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small load generator over loopback: N clients, each POSTing the example questionnaires to /api/assess in turn,
 * one request at a time, for a warm-up and then a measured period, bounded in both time and request count. Prints
 * requests/s and the p50/p99/max latency of the measured period; every answer must be 200.
 *
 *   java bench/ServerLoad.java http://127.0.0.1:8080/ [clients=16] [warmup-s=10] [measure-s=20] [max-requests=400000]
 */
public final class ServerLoad {
    public static void main(String[] args) throws Exception {
        URI assess = URI.create(args[0]).resolve("/api/assess");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long warmupNanos = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10).toNanos();
        long measureNanos = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 20).toNanos();
        int maxRequests = args.length > 4 ? Integer.parseInt(args[4]) : 400_000;
        List<byte[]> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of("facts/examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                bodies.add(Files.readAllBytes(p));
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        long[][] latencies = new long[clients][];
        AtomicInteger counted = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                long[] mine = new long[maxRequests / clients + 1];
                int n = 0;
                for (int i = client; ; i++) {
                    long t0 = System.nanoTime();
                    if (t0 >= end || n >= mine.length) {
                        break;
                    }
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(assess).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        mine[n++] = t1 - t0;
                        counted.incrementAndGet();
                    }
                }
                latencies[client] = Arrays.copyOf(mine, n);
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = Math.min(System.nanoTime(), end) - measureFrom;
        seconds /= 1e9;
        System.out.printf("clients %d, measured %.1f s after %.0f s warm-up: %d assessments, %.0f/s, p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms, failures %d%n", clients, seconds, warmupNanos / 1e9, all.length, all.length / seconds,
                at(all, 0.50), at(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures.get());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    private static double at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}

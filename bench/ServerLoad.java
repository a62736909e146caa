import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small load generator over loopback: N clients, each on one kept-alive HTTP/1.1 connection POSTing the example
 * questionnaires to /api/assess in turn, one request at a time, for a warm-up and then a measured period, bounded in
 * both time and request count. Prints requests/s and the p50/p99/max latency of the measured period; every answer
 * must be a 200 whose body is an assessment, or the run fails.
 *
 *   java bench/ServerLoad.java http://127.0.0.1:8080/ [clients=16] [warmup-s=10] [measure-s=20] [max-requests=400000] [socket|jdk]
 *
 * The default client writes each request on a plain socket and reads the response by its Content-Length or chunks:
 * the load generator shares the machine with the server, and the JDK's HttpClient ("jdk") spent a third of the two
 * cores on its own machinery (20 CPU-s in a 30 s run against 3.5 for the socket client), which the server then lacked.
 */
public final class ServerLoad {
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long warmupNanos = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10).toNanos();
        long measureNanos = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 20).toNanos();
        int maxRequests = args.length > 4 ? Integer.parseInt(args[4]) : 400_000;
        boolean jdk = args.length > 5 && args[5].equals("jdk");
        List<byte[]> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of("facts/examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                bodies.add(Files.readAllBytes(p));
            }
        }
        HttpClient http = jdk ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : null;
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        long[][] latencies = new long[clients][];
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                long[] mine = new long[maxRequests / clients + 1];
                int n = 0;
                Connection connection = null;
                for (int i = client; ; i++) {
                    long t0 = System.nanoTime();
                    if (t0 >= end || n >= mine.length) {
                        break;
                    }
                    byte[] body = bodies.get(i % bodies.size());
                    try {
                        boolean ok;
                        if (jdk) {
                            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("/api/assess"))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            ok = r.statusCode() == 200 && isAssessment(r.body());
                        } else {
                            if (connection == null) {
                                connection = new Connection(base);
                            }
                            ok = connection.assess(body);
                        }
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // Any failure (a dropped connection, a malformed response) is counted; the client goes on.
                        failures.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        mine[n++] = t1 - t0;
                    }
                }
                if (connection != null) {
                    connection.close();
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
        System.out.printf("clients %d (%s client), measured %.1f s after %.0f s warm-up: %d assessments, %.0f/s, p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms, failures %d%n", clients, jdk ? "JDK HttpClient" : "socket", seconds,
                warmupNanos / 1e9, all.length, all.length / seconds, at(all, 0.50), at(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures.get());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    private static double at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    /** An assessment's JSON names its triage near the start and closes; a problem document or a cut body does not. */
    private static boolean isAssessment(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8);
        return body.length > 0 && head.startsWith("{") && head.contains("\"triage\":") && body[body.length - 1] == '}';
    }

    /** One kept-alive HTTP/1.1 connection, one request at a time. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String head;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16_384);

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
            head = "POST /api/assess HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: ";
        }

        boolean assess(byte[] json) throws IOException {
            out.write((head + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            body.reset();
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size);
                    line();
                }
                line();
            } else if (length >= 0) {
                copy(length);
            } else {
                throw new IOException("a response with neither Content-Length nor chunks");
            }
            return status.startsWith("HTTP/1.1 200 ") && isAssessment(body.toByteArray());
        }

        private long chunkSize() throws IOException {
            String size = line();
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private void copy(long n) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (read < 0) {
                    throw new EOFException("the server closed the connection mid-response");
                }
                body.write(buffer, 0, read);
                n -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a connection the run is done with; nothing to report.
            }
        }
    }
}

package org.twitchadvisor.server;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.TwitchAdvisor;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A slow client cannot hold a worker, and a stop lets the request in flight finish. */
class LimitsTest {

    @Test
    void aClientThatStopsSendingIsCutOffAfterTheIdleTimeout() throws Exception {
        ServerOptions options = ServerOptions.defaults("127.0.0.1", 0).withIdleTimeout(Duration.ofMillis(500));
        try (TwitchServer server = TwitchServer.start(TwitchAdvisor.bundled(), options);
             Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                InputStream in = slow.getInputStream();
                // The server answers the stalled request with an error or just closes the connection; either way it ends.
                while (in.read() >= 0) {
                    // drain
                }
            });
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(400), "cut off before the timeout");
        }
    }

    @Test
    void aStopLetsTheRequestInFlightFinish() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("facts/examples/vegan-runner.json"));
        TwitchServer server = TwitchServer.start(TwitchAdvisor.bundled(), ServerOptions.defaults("127.0.0.1", 0));
        int port = server.port();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(20_000);
            OutputStream out = client.getOutputStream();
            out.write(("POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(300);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            out.write(body, 10, body.length - 10);
            out.flush();
            String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"triage\""), answer);
            stopping.get(20, TimeUnit.SECONDS);
        }
        assertEquals(true, refused(port), "the stopped server still accepts connections");
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}

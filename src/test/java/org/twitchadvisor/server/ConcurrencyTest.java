package org.twitchadvisor.server;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.TwitchAdvisor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 200 requests at once all get the answer the library gives for their own questionnaire. */
class ConcurrencyTest {

    @Test
    void twoHundredConcurrentAssessmentsAreAllCorrect() throws Exception {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        List<byte[]> bodies = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Path p : LiveServer.examples()) {
            byte[] body = Files.readAllBytes(p);
            bodies.add(body);
            expected.add(advisor.toJson(advisor.assess(advisor.readJson(body))));
        }
        URI assess = LiveServer.uri("/api/assess");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(assess).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = answers.get(i).get();
            assertEquals(200, r.statusCode(), "request " + i + ": " + r.body());
            assertEquals(expected.get(i % bodies.size()), r.body(), "request " + i);
        }
    }
}

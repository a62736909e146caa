package org.twitchadvisor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.batch.BatchOptions;
import org.twitchadvisor.batch.BatchRunner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the library's own batch ({@code twitch batch}) gives for a file: the yardstick the Spark job is held to.
 *
 * @param results each respondent's result line, the output contract
 * @param rejected the respondent of each error record ({@code null} when it had none), in input order
 */
record Batch(Map<String, String> results, List<String> rejected) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Batch of(TwitchAdvisor advisor, Path input) {
        return of(advisor, input, BatchOptions.Explain.FULL);
    }

    static Batch of(TwitchAdvisor advisor, Path input, BatchOptions.Explain level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            new BatchRunner(advisor, BatchOptions.defaults().withExplain(level)).run(input, out, errors);
            Map<String, String> results = new HashMap<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    results.put(JSON.readTree(line).get("respondent").asText(), line);
                }
            }
            List<String> rejected = new ArrayList<>();
            for (String line : errors.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    JsonNode r = JSON.readTree(line).get("respondent");
                    rejected.add(r == null || r.isNull() ? null : r.asText());
                }
            }
            return new Batch(results, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.twitchadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The same answers give byte-identical JSON whatever the order of answers, of rule files, or of threads. */
class DeterminismTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TwitchAdvisor advisor = TwitchAdvisor.bundled();

    static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("facts/examples"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String shuffled(JsonNode original, Random random) {
        ObjectNode copy = MAPPER.createObjectNode();
        List<String> keys = new ArrayList<>();
        original.fieldNames().forEachRemaining(keys::add);
        Collections.shuffle(keys, random);
        for (String k : keys) {
            JsonNode v = original.get(k);
            if (v.isArray()) {
                List<JsonNode> items = new ArrayList<>();
                v.forEach(items::add);
                Collections.shuffle(items, random);
                ArrayNode arr = copy.putArray(k);
                items.forEach(arr::add);
            } else {
                copy.set(k, v);
            }
        }
        return copy.toString();
    }

    @Test
    void shuffledAnswersGiveByteIdenticalJson() throws IOException {
        Random random = new Random(42);
        for (Path example : examples()) {
            JsonNode node = MAPPER.readTree(Files.readString(example));
            String expected = advisor.toJson(advisor.assess(advisor.readJson(node.toString())));
            for (int i = 0; i < 5; i++) {
                String json = shuffled(node, random);
                assertEquals(expected, advisor.toJson(advisor.assess(advisor.readJson(json))), example + " shuffled: " + json);
            }
        }
    }

    @Test
    void ruleFilesInAnotherOrderGiveTheSameFindings(@TempDir Path tmp) throws IOException {
        // Same rules, file names reversed in sort order and the rules of each file in reverse order.
        Path rules = Path.of("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = rules.relativize(p).toString();
                Path target = tmp.resolve(p.toString().endsWith(".drl")
                        ? rel.replace(p.getFileName().toString(), "z-" + new StringBuilder(p.getFileName().toString()).reverse() + ".drl")
                        : rel);
                Files.createDirectories(target.getParent());
                String text = Files.readString(p);
                Files.writeString(target, p.toString().endsWith(".drl") ? reverseRules(text) : text);
            }
        }
        TwitchAdvisor reordered = TwitchAdvisor.fromDirectory(tmp);
        assertNotEquals(advisor.ruleset(), reordered.ruleset(), "different files, different rule set id");
        for (Path example : examples()) {
            String json = Files.readString(example);
            assertEquals(withoutRuleset(advisor.toJson(advisor.assess(advisor.readJson(json)))),
                    withoutRuleset(reordered.toJson(reordered.assess(reordered.readJson(json)))), example.toString());
        }
    }

    private static String reverseRules(String drl) {
        int first = drl.indexOf("\nrule ");
        if (first < 0) {
            return drl;
        }
        String header = drl.substring(0, first + 1);
        List<String> rules = new ArrayList<>(List.of(drl.substring(first + 1).split("\n(?=rule )")));
        Collections.reverse(rules);
        return header + String.join("\n", rules) + "\n";
    }

    private static String withoutRuleset(String json) {
        return json.replaceAll("\"ruleset\":\"[^\"]*\"", "\"ruleset\":\"*\"");
    }

    @Test
    void concurrentAssessmentsAgreeWithSequentialOnes() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (Path example : examples()) {
            inputs.add(Files.readString(example));
        }
        List<String> expected = inputs.stream().map(j -> advisor.toJson(advisor.assess(advisor.readJson(j)))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (String input : inputs) {
                    futures.add(pool.submit(() -> advisor.toJson(advisor.assess(advisor.readJson(input)))));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % inputs.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

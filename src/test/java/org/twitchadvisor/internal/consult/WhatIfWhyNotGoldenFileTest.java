package org.twitchadvisor.internal.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files for what-if and why-not: each case in {@code src/test/resources/consult/whatif} (a questionnaire,
 * inline or a path, with {@code set} and {@code unset}) and {@code consult/whynot} (a questionnaire and a
 * {@code subject}) against its {@code .expected.json}. The rule set id is masked. After a deliberate change,
 * regenerate with {@code mvn test -Dtest=WhatIfWhyNotGoldenFileTest -Dgolden.update=true} and review the diff.
 */
class WhatIfWhyNotGoldenFileTest {
    private static final Path CASES = Path.of("src/test/resources/consult");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    static List<Path> whatIfCases() throws IOException {
        return cases("whatif");
    }

    static List<Path> whyNotCases() throws IOException {
        return cases("whynot");
    }

    private static List<Path> cases(String folder) throws IOException {
        try (Stream<Path> files = Files.list(CASES.resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }

    private static Questionnaire questionnaire(JsonNode c) throws IOException {
        JsonNode q = c.get("questionnaire");
        return q.isTextual() ? ADVISOR.readJson(Files.readString(Path.of(q.asText()))) : ADVISOR.readJson(q.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatIfCases")
    void whatIfMatchesGoldenFile(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        Map<String, Object> set = new LinkedHashMap<>();
        if (c.has("set")) {
            c.get("set").fields().forEachRemaining(e -> set.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        }
        Set<String> unset = new LinkedHashSet<>();
        if (c.has("unset")) {
            c.get("unset").forEach(n -> unset.add(n.asText()));
        }
        check(file, ADVISOR.toPrettyJson(ADVISOR.whatIf(questionnaire(c), set, unset)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whyNotCases")
    void whyNotMatchesGoldenFile(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        check(file, ADVISOR.toPrettyJson(ADVISOR.whyNot(questionnaire(c), c.get("subject").asText())));
    }

    private static void check(Path file, String json) throws IOException {
        String actual = json.replace(ADVISOR.ruleset(), "*") + "\n";
        Path expected = file.resolveSibling(file.getFileName().toString().replace(".json", ".expected.json"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual);
        }
        assertTrue(Files.exists(expected), "no golden file " + expected + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(expected), actual, file + " differs from " + expected);
    }
}

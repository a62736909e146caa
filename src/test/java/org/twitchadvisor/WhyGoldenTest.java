package org.twitchadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WHY golden files: each case in src/test/resources/why ({@code answers}, optional {@code skipped} and {@code stop})
 * against the ranked questions it proposes, each with its plain-words reason and waiting rules. After a deliberate
 * change, regenerate with {@code mvn test -Dtest=WhyGoldenTest -Dgolden.update=true} and review the diff.
 */
class WhyGoldenTest {
    static final Path CASES = Path.of("src/test/resources/why");

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    /** The step as a reviewer reads it: each proposed question, why, and the rules waiting on it. */
    static String render(Consultation c) {
        StringBuilder out = new StringBuilder();
        out.append("triage: ").append(c.assessment().triage().id()).append(", stop: ").append(c.stop()).append('\n');
        for (NextQuestion q : c.next()) {
            out.append("\n## ").append(q.question()).append(" (").append(q.type()).append(")\n");
            out.append(q.why()).append('\n');
            for (WaitingRule w : q.waiting()) {
                out.append("  - ").append(w.effect()).append(' ').append(w.subject()).append(": \"").append(w.rule())
                        .append("\" [").append(String.join(", ", w.sources())).append("] when ")
                        .append(String.join(" | ", w.answers())).append('\n');
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whyMatchesGoldenFile(Path file) throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        JsonNode spec = new ObjectMapper().readTree(file.toFile());
        Questionnaire answers = advisor.readJson(spec.get("answers").toString());
        Set<String> skipped = new HashSet<>();
        if (spec.has("skipped")) {
            spec.get("skipped").forEach(s -> skipped.add(s.asText()));
        }
        StopRule stop = spec.has("stop") ? StopRule.valueOf(spec.get("stop").asText().toUpperCase(Locale.ROOT))
                : StopRule.ALL_FINDINGS;
        String actual = render(advisor.consultation(answers, skipped, stop));
        Path expected = Path.of(file.toString().replace(".json", ".expected.txt"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual);
        }
        assertTrue(Files.exists(expected), "no golden file " + expected + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(expected), actual, "WHY of " + file + " differs from " + expected);
    }
}

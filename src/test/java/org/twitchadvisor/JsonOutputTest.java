package org.twitchadvisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The JSON the advisor writes from remembered text (explanation trees, whole findings, advice, summaries) is
 * exactly what plain Jackson writes, as a string or as bytes on a stream, however often and from whatever
 * instances.
 */
class JsonOutputTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private final TwitchAdvisor advisor = TwitchAdvisor.bundled();

    static List<Path> examples() throws IOException {
        return DeterminismTest.examples();
    }

    private Assessment assess(Path example) throws IOException {
        return advisor.assess(advisor.readJson(Files.readString(example)));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void toJsonIsWhatPlainJacksonWrites(Path example) throws IOException {
        Assessment a = assess(example);
        String plain = PLAIN.writeValueAsString(a);
        // Three times: a finding is remembered when seen a second time and written from memory on the third;
        // every tree and text comes from memory from the second time on.
        assertEquals(plain, advisor.toJson(a));
        assertEquals(plain, advisor.toJson(assess(example)));
        assertEquals(plain, advisor.toJson(assess(example)));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aRememberedFindingIsNotMistakenForOneThatDiffersInAPart(Path example) throws IOException {
        Assessment a = assess(example);
        for (int i = 0; i < 3; i++) {
            advisor.toJson(a);
        }
        List<Finding> changed = new ArrayList<>();
        for (Finding f : a.findings()) {
            // The same shared trees, summary and advice; only the score and the level differ.
            changed.add(new Finding(f.type(), f.subject(), f.level() + "_changed", 1.0 - f.score(), f.summary(),
                    f.because(), f.advice()));
        }
        Assessment other = new Assessment(a.respondent(), a.triage(), changed, a.ruleset(), a.rulesFired());
        assertEquals(PLAIN.writeValueAsString(other), advisor.toJson(other));
        assertEquals(PLAIN.writeValueAsString(other), advisor.toJson(other));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void equalTreesBuiltElsewhereAreWrittenTheSame(Path example) throws IOException {
        Assessment a = assess(example);
        List<Finding> copies = new ArrayList<>();
        for (Finding f : a.findings()) {
            copies.add(new Finding(f.type(), f.subject(), f.level(), f.score(), new String(f.summary()),
                    f.because().stream().map(JsonOutputTest::copy).toList(), f.advice()));
        }
        Assessment copy = new Assessment(a.respondent(), a.triage(), copies, a.ruleset(), a.rulesFired());
        assertEquals(PLAIN.writeValueAsString(a), advisor.toJson(copy));
    }

    private static Explanation copy(Explanation e) {
        return new Explanation(new String(e.rule()), e.claim(), e.sources(), e.answers(),
                e.because().stream().map(JsonOutputTest::copy).toList());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void writeJsonWritesTheUtf8OfToJsonAndLeavesTheStreamOpen(Path example) throws IOException {
        Assessment a = assess(example);
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        out.write('[');
        advisor.writeJson(a, out);
        out.write(']');
        assertArrayEquals(("[" + advisor.toJson(a) + "]").getBytes(StandardCharsets.UTF_8), out.toByteArray());
        assertFalse(closed[0], "the caller's stream is the caller's to close");
    }
}

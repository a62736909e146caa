package org.twitchadvisor;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Order;
import org.twitchadvisor.internal.engine.Engine;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.questions.QuestionnaireReader;
import org.twitchadvisor.internal.engine.RuleFolder;
import org.twitchadvisor.internal.text.Utf8Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing rule folders: the bundled tables and one rule file of the fuzzer's bytes, loaded with both checks.
 * Invariants: a folder is refused with {@link InvalidRulesException} (every problem located in the file, or
 * naming the folder, in words for a person) or accepted and then assessed without anything but a runaway
 * bound tripping; and no payload runs, ever: the seeds include hostile files whose marker (a system
 * property, or a file) would appear if a mutation of them got code past both checks.
 *
 * <p>{@code mvn test} runs the seeds in {@code src/test/resources/org/twitchadvisor/RulesFuzzTestInputs}
 * (regression mode); docs/authoring.md says how to fuzz for longer.
 */
@Order(Integer.MAX_VALUE)
class RulesFuzzTest {
    private static final String FILE = "9-fuzz/fuzzed.drl";
    private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "twitch-rules-fuzz-marker");
    private static final Map<String, String> TABLES = tables();
    /**
     * What only a stack trace or an untranslated engine message would show. Rule messages may name the rules'
     * package and the fact model, which an author writes, and quote what the author wrote.
     */
    private static final List<String> JAVA_MARKS = List.of("Exception", "Error:", "org.drools", "org.kie",
            "org.mvel2", "org.antlr", "com.fasterxml", "java.lang.", "NullPointer", "\tat ", "[Near");
    private static final List<String> PEOPLE = List.of(
            "{\"twitching\": true, \"diet\": \"vegan\", \"sun_exposure\": \"limited\", \"lab_ferritin_ng_ml\": 8}",
            "{\"twitching\": true, \"alcohol\": \"heavy\", \"heavy_sweating\": true, \"diuretics\": true}");

    private static Map<String, String> tables() {
        Map<String, String> t = new TreeMap<>();
        try (Stream<Path> files = Files.list(TestRules.RULES.resolve("data"))) {
            for (Path p : files.toList()) {
                t.put("data/" + p.getFileName(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    @FuzzTest(maxDuration = "60s")
    void ruleFile(byte[] input) throws IOException {
        String text;
        try {
            text = Utf8Text.decode(input);
        } catch (Utf8Text.NotUtf8Exception e) {
            return;
        }
        text = text.replace("@MARKER@", MARKER.toString());
        Map<String, String> files = new TreeMap<>(TABLES);
        files.put(FILE, text);
        Files.deleteIfExists(MARKER);
        System.clearProperty("twitch.hostile");
        try {
            KnowledgeBase kb = KnowledgeBase.load(new RuleFolder("fuzzed", files));
            Engine engine = new Engine(kb, Engine.defaultMaxFirings(kb));
            QuestionnaireReader reader = new QuestionnaireReader(kb.data().questions(), new com.fasterxml.jackson.databind.ObjectMapper());
            for (String p : PEOPLE) {
                try {
                    engine.assess(reader.readJson(p));
                } catch (RunawayRulesException | InvalidQuestionnaireException expected) {
                    // A rule that loops on one person, or tables that no longer know a question: not a crash.
                }
            }
        } catch (InvalidRulesException e) {
            assertFalse(e.problems().isEmpty(), "refused without a problem");
            for (RuleProblem p : e.problems()) {
                assertTrue(p.file().equals(FILE) && p.line() > 0 || p.file().isEmpty() || p.file().startsWith("data/"),
                        p::toString);
                for (String mark : JAVA_MARKS) {
                    assertTrue(!p.message().contains(mark) || text.contains(mark), () -> "the message shows '" + mark
                            + "': " + p);
                }
            }
        } finally {
            assertNull(System.getProperty("twitch.hostile"), "a payload ran: the marker property is set");
            assertFalse(Files.exists(MARKER), "a payload ran: the marker file exists");
        }
    }
}

package org.twitchadvisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twitchadvisor.internal.engine.Engine;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.questions.QuestionnaireReader;
import org.twitchadvisor.internal.engine.RuleFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule files written to run code: each file in {@code src/test/resources/hostile/} puts a harmless marker
 * payload (a system property, or a file created in the test's folder) into one construct of the DRL grammar
 * that can hold an expression, quoted or named in one of the ways Drools accepts. Every one must be refused
 * with a located message, and the marker must never appear: not while checking, not while compiling, not
 * while assessing. The suite runs twice: with both checks, and with only the compiled-code check, which must
 * hold on its own.
 */
class HostileRulesTest {
    static final Path CASES = Path.of("src/test/resources/hostile");
    private static final String PROPERTY = "twitch.hostile";
    private static final List<String> PEOPLE = List.of(
            "{\"twitching\": true, \"diet\": \"vegan\", \"sun_exposure\": \"limited\"}",
            "{\"twitching\": true, \"diet\": \"omnivore\", \"heavy_sweating\": true, \"diuretics\": true}");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
        }
    }

    @BeforeEach
    @AfterEach
    void clearMarker() {
        System.clearProperty(PROPERTY);
    }

    /** A rules folder of the bundled tables and the one hostile file, its marker pointing into the test's folder. */
    private static Path folder(String name, Path dir) throws IOException {
        Path rules = TestFolders.tablesOnly(dir);
        Files.createDirectories(rules.resolve("9-hostile"));
        String text = Files.readString(CASES.resolve(name)).replace("@MARKER@", dir.resolve("marker").toString());
        Files.writeString(rules.resolve("9-hostile").resolve(name), text);
        return rules;
    }

    private static void assertNoMarker(Path dir) {
        assertNull(System.getProperty(PROPERTY), "the payload set the marker property");
        assertFalse(Files.exists(dir.resolve("marker")), "the payload created the marker file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithALocatedMessageAndNeverRuns(String name, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path rules = folder(name, dir);
        InvalidRulesException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(InvalidRulesException.class, () -> {
                    TwitchAdvisor advisor = TwitchAdvisor.fromDirectory(rules);
                    PEOPLE.forEach(p -> advisor.assess(advisor.readJson(p)));
                }));
        assertNoMarker(dir);
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("9-hostile/" + name) && p.line() > 0
                        && p.severity().equals("error")),
                () -> "no error located in the file:\n" + e.getMessage());
        for (RuleProblem p : e.problems()) {
            assertFalse(p.message().matches(".*\\b(Exception|Error)\\b.*|.*\\bat [a-z]+\\.[a-z]+.*"),
                    () -> "a message reads like a stack trace: " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCompiledCodeCheckAloneStopsIt(String name, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        RuleFolder rules = RuleFolder.read(folder(name, dir));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                KnowledgeBase kb = KnowledgeBase.load(rules, KnowledgeBase.Checks.COMPILED_CODE);
                // Compiled after all: then it must be harmless when it runs.
                Engine engine = new Engine(kb, 1_000);
                QuestionnaireReader reader = new QuestionnaireReader(kb.data().questions(), new ObjectMapper());
                for (String p : PEOPLE) {
                    try {
                        engine.assess(reader.readJson(p));
                    } catch (RuntimeException ignored) {
                        // A rule that cannot run is not the point here; a payload that ran would be.
                    }
                }
            } catch (InvalidRulesException refused) {
                // Refused: what this test hopes for.
            }
        });
        assertNoMarker(dir);
    }

    /** The escape the source check once missed: the compiled-code check names the call it compiles to. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"02-single-quotes-wrapping-code.drl",
            "86-single-quotes-around-a-call.drl", "01-concat-double-quotes.drl", "45-action-second-statement.drl"})
    void theCompiledCodeCheckNamesWhatTheEscapeReaches(String name, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        RuleFolder rules = RuleFolder.read(folder(name, dir));
        InvalidRulesException e = assertThrows(InvalidRulesException.class,
                () -> KnowledgeBase.load(rules, KnowledgeBase.Checks.COMPILED_CODE));
        assertTrue(e.getMessage().contains("reaches java.lang.System.setProperty"), e::getMessage);
        assertNoMarker(dir);
    }

    /** The authoring guide promises what this suite proves; the number it gives must be this suite's. */
    @org.junit.jupiter.api.Test
    void theAuthoringGuideStatesTheSizeOfThisSuite() throws IOException {
        long n = cases().count();
        assertTrue(n > 60, "the suite should stay above 60 cases");
        assertTrue(Files.readString(Path.of("docs/authoring.md")).contains("holds " + n + " rule files"),
                "docs/authoring.md should say the hostile suite holds " + n + " rule files");
    }
}

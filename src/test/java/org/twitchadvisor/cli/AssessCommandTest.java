package org.twitchadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twitch assess}: text and JSON out, one clear line and a documented exit code for bad input. */
class AssessCommandTest {
    static final String EXAMPLE = "facts/examples/vegan-runner.json";

    @Test
    void textIsTheDefault() {
        CliRun r = CliRun.run("assess", EXAMPLE);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Twitch Advisor assessment for vegan-runner\nTriage: "), r.out());
        assertTrue(r.out().contains("low vitamin D impairs calcium absorption [000, 001, 002, 003, 004]"), r.out());
        assertTrue(r.out().contains("This is not medical advice."), r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonIsTheContract() throws IOException {
        CliRun r = CliRun.run("assess", EXAMPLE, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        assertEquals(advisor.toPrettyJson(advisor.assess(advisor.readJson(Files.readString(Path.of(EXAMPLE))))),
                r.out().strip());
    }

    @Test
    void standardInputWorks() throws IOException {
        CliRun r = CliRun.runWithInput(Files.readString(Path.of(EXAMPLE)), "assess", "-", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"respondent\" : \"vegan-runner\""), r.out());
    }

    @Test
    void aBadAnswerIsOneLineNamingFileQuestionAndValue(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"diet\": \"vegn\"}");
        CliRun r = CliRun.run("assess", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: " + bad + ": question 'diet': 'vegn' is not one of omnivore, pescatarian, vegetarian, vegan\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void invalidJsonNamesThePosition(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"diet\": \"vegan\",,}");
        CliRun r = CliRun.run("assess", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("twitch: " + bad + ": invalid JSON at line 1, column 18"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aMissingFileIsNamed() {
        CliRun r = CliRun.run("assess", "no/such/file.json");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: no/such/file.json: no such file\n", r.err());
    }

    @Test
    void aWrongFormatIsAUsageError() {
        CliRun r = CliRun.run("assess", EXAMPLE, "--format", "xml");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void anInvalidRulesFolderListsItsProblems(@TempDir Path tmp) throws IOException {
        Path rules = org.twitchadvisor.RulesFolderTestAccess.copyRules(tmp);
        Files.writeString(rules.resolve("data/limits.csv"), "name,value,unit,source\nlikely_from_score,half,score,nowhere\n");
        CliRun r = CliRun.run("assess", EXAMPLE, "--rules", rules.toString());
        assertEquals(ExitCodes.BAD_RULES, r.exitCode());
        assertTrue(r.err().contains("data/limits.csv:2:1: error: value must be a number, not 'half'"), r.err());
        assertTrue(r.err().contains("data/limits.csv:2:1: error: source 'nowhere' is not registered"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void anotherRulesFolderIsUsed(@TempDir Path tmp) throws IOException {
        Path rules = org.twitchadvisor.RulesFolderTestAccess.copyRules(tmp);
        Path b12 = rules.resolve("2-deficiencies/vitamin-b12.drl");
        Files.writeString(b12, Files.readString(b12).replace("B12 comes almost only from animal foods",
                "An expert's new wording: B12 comes almost only from animal foods"));
        CliRun r = CliRun.run("assess", EXAMPLE, "--rules", rules.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("An expert's new wording: B12"), r.out());
        assertFalse(CliRun.run("assess", EXAMPLE).out().contains("An expert's new wording"), "the bundled rules are unchanged");
    }
}

package org.twitchadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    void aFileThatIsNotUtf8SaysSoInWords(@TempDir Path tmp) throws IOException {
        Path latin1 = tmp.resolve("latin1.json");
        Files.write(latin1, "{\"diet\": \"végétalien\"}".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("assess", latin1.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: " + latin1 + ": not UTF-8 text: invalid byte 0xE9 at offset 11\n", r.err());
        Path utf16 = tmp.resolve("utf16.json");
        Files.write(utf16, Files.readString(Path.of(EXAMPLE)).getBytes(StandardCharsets.UTF_16));
        r = CliRun.run("assess", utf16.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: " + utf16 + ": not UTF-8 text: this is UTF-16; save it as UTF-8\n", r.err());
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path tmp) throws IOException {
        Path bom = tmp.resolve("bom.json");
        Files.writeString(bom, "\uFEFF" + Files.readString(Path.of(EXAMPLE)));
        CliRun r = CliRun.run("assess", bom.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(CliRun.run("assess", EXAMPLE, "--format", "json").out(), r.out());
    }

    @Test
    void aNumberTooLargeForADoubleIsBadInputNotAnInternalError(@TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("big.json");
        Files.writeString(big, "{\"caffeine_cups_per_day\": 1e400}");
        CliRun r = CliRun.run("assess", big.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals("twitch: " + big + ": question 'caffeine_cups_per_day': 1e400 is not a finite number\n", r.err());
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
        // Named as the folder was typed, as rules check names them, so a terminal or an editor can open the file.
        assertTrue(r.err().contains(rules.resolve("data/limits.csv") + ":2:1: error: value must be a number, not 'half'"), r.err());
        assertTrue(r.err().contains(rules.resolve("data/limits.csv") + ":2:1: error: source 'nowhere' is not registered"), r.err());
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

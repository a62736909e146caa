package org.twitchadvisor.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TestFolders;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.authoring.catalog.CatalogWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twitch rules ...} and {@code --rules DIR}, run as a user runs them, output and exit code. */
class RulesCommandTest {
    private static final int RULE_COUNT = TwitchAdvisor.bundled().catalog().rules().size();


    /** Runs a command in-process, as the user would from a shell. */
    static CliRun twitch(String... args) {
        return CliRun.run(args);
    }

    /** A fresh copy of the bundled rules, made the way the docs tell experts to. */
    static Path init(Path dir) {
        Path rules = dir.resolve("my-rules");
        CliRun r = twitch("rules", "init", rules.toString());
        assertEquals(0, r.exitCode(), r::toString);
        return rules;
    }

    static Path oneCase(Path dir, String expectations) throws IOException {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("vegan.json"), """
                { "description": "A vegan: B12 risk (001, 003)",
                  "answers": { "twitching": true, "diet": "vegan" },
                  "expect": %s }
                """.formatted(expectations));
        return cases;
    }

    @Test
    void checkPassesOnTheBundledRulesAndWarnsAboutRulesNoCaseFires(@TempDir Path dir) throws IOException {
        Path cases = oneCase(dir, "{ \"fired\": [\"a vegan diet raises the risk of low B12\"] }");
        CliRun r = twitch("rules", "check", "--cases", cases.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        String last = r.lines().get(r.lines().size() - 1);
        assertTrue(last.startsWith("twitch: " + RULE_COUNT + " rules in the bundled rules, no errors, "), last);
        assertTrue(r.out().contains("2-deficiencies/magnesium.drl:9:1: warning: no case in " + cases
                + " makes rule \"a poor diet can leave magnesium low\" fire"), r::out);
        assertFalse(r.out().contains("\"a vegan diet raises the risk of low B12\" fire"), "the case makes that one fire");
    }

    @Test
    void checkReportsEveryProblemAtItsFileAndLineAndFails(@TempDir Path dir) throws IOException {
        Path rules = init(dir);
        Files.writeString(rules.resolve("2-deficiencies/extra.drl"), """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "a typo and an exit"
                    @sources("000")
                when
                    Answer(question == "diet", value == "vegn")
                then
                    insertLogical(new DeficiencyEvidence("vitamin_b12", "vegan_diet"));
                    System.exit(3);
                end
                """);
        CliRun r = twitch("rules", "check", rules.toString());
        assertEquals(ExitCodes.BAD_RULES, r.exitCode(), r::toString);
        String file = rules.resolve("2-deficiencies/extra.drl").toString();
        assertEquals(List.of(
                file + ":5:1: error: rule \"a typo and an exit\" has no @claim(\"...\"): say in your own words what the rule claims",
                file + ":8:41: error: \"vegn\" is not an answer to question \"diet\" (did you mean \"vegan\"?); its answers are "
                        + "omnivore, pescatarian, vegetarian, vegan. A value nobody can answer makes the condition silently never match",
                file + ":11:5: error: 'System.exit' is not allowed in a rule: it gives access to the Java runtime, which can "
                        + "stop the program or read its settings; rules run without a sandbox, so a rule may only compare facts "
                        + "and insert a conclusion",
                file + ":11:5: error: the action does more than insert one conclusion: an action is exactly one statement, "
                        + "insertLogical(new Fact(\"value\", ...));",
                "twitch: 4 errors, 0 warnings in " + rules + "; the rules cannot be used until the errors are fixed"),
                r.lines());
        assertEquals("", r.err(), "no stack trace, no engine log");
    }

    @Test
    void checkReportsTableProblemsAtTheirRow(@TempDir Path dir) throws IOException {
        Path rules = init(dir);
        Path foods = rules.resolve("data/foods.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(foods));
        int row = lines.indexOf("magnesium,avocados,plant,002;004") + 1;
        lines.set(row - 1, "magnesum,avocados,plant,002;044");
        Files.write(foods, lines);
        CliRun r = twitch("rules", "check", rules.toString());
        assertEquals(ExitCodes.BAD_RULES, r.exitCode(), r::toString);
        String at = rules.resolve("data/foods.csv") + ":" + row + ":1: error: ";
        assertTrue(r.out().contains(at + "nutrient 'magnesum' is not one of "), r::out);
        assertTrue(r.out().contains(at + "source '044' is not registered in data/sources.csv"), r::out);
    }

    @Test
    void testPassesOnTheShippedCases() {
        CliRun r = twitch("rules", "test");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.out().contains("PASS  facts/cases/scenarios/vegan-b12.json  A vegan without a B12 supplement"), r::out);
        assertTrue(r.lines().get(r.lines().size() - 1).matches("twitch: (\\d+) cases?, \\1 passed, 0 failed"), r::out);
    }

    @Test
    void testFailsWithAReadableDifferenceOnAWrongExpectation(@TempDir Path dir) throws IOException {
        Path cases = oneCase(dir, "{ \"triage\": \"urgent\", \"absent\": [ { \"type\": \"deficiency\", \"subject\": \"vitamin_b12\" } ] }");
        CliRun r = twitch("rules", "test", "--cases", cases.toString());
        assertEquals(ExitCodes.CASES_FAILED, r.exitCode(), r::toString);
        List<String> lines = r.lines();
        assertEquals("FAIL  " + cases.resolve("vegan.json") + "  A vegan: B12 risk (001, 003)", lines.get(0));
        assertEquals("        - triage: expected urgent, got self_care (no red flag)", lines.get(1));
        assertTrue(lines.get(2).startsWith("        - unexpected finding deficiency/vitamin_b12 (possible, score 0.45) because of: "
                + "\"a vegan diet raises the risk of low B12\""), lines.get(2));
        assertEquals("twitch: 1 case, 0 passed, 1 failed", lines.get(lines.size() - 1));
    }

    @Test
    void listWritesTheCatalogueInEachFormat(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("kb.md");
        assertEquals(ExitCodes.OK, twitch("rules", "list", "--format", "md", "--output", md.toString()).exitCode());
        assertEquals(CatalogWriter.write(TwitchAdvisor.bundled().catalog(), CatalogWriter.Format.md), Files.readString(md));

        CliRun text = twitch("rules", "list");
        assertTrue(text.out().startsWith("Twitch Advisor knowledge base: " + RULE_COUNT + " rules in "), text::out);
        assertTrue(text.out().contains("  source 001: The primary nutrient deficiencies behind muscle twitching\n"), "titles");

        CliRun csv = twitch("rules", "list", "--format", "csv");
        assertEquals("name,layer,file,line,concludes,conclusion,subject,subject_type,weight,claim,sources,source_titles",
                csv.lines().get(0));
        assertEquals(RULE_COUNT + 1, csv.lines().size(), "a header and one row per rule");

        CliRun html = twitch("rules", "list", "--format", "html");
        assertTrue(html.out().startsWith("<!DOCTYPE html>") && html.out().contains("<h3 id=\"magnesium-deficiency\">"),
                html::out);
    }

    @Test
    void theCsvCatalogueNeverHoldsACellASpreadsheetWouldRunAsAFormula(@TempDir Path dir) throws IOException {
        Path rules = init(dir);
        Path magnesium = rules.resolve("2-deficiencies/magnesium.drl");
        String formula = "=HYPERLINK(\"http://example.com\",\"the claim\")";
        Files.writeString(magnesium, Files.readString(magnesium).replace(
                "@claim(\"A diet of irregular, processed meals is one of the usual reasons magnesium runs low.\")",
                "@claim(\"" + formula.replace("\"", "\\\"") + "\")"));
        CliRun r = twitch("rules", "list", "--rules", rules.toString(), "--format", "csv");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        List<Map<String, String>> rows = new ArrayList<>();
        try (var it = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(r.out())) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(RULE_COUNT, rows.size());
        assertTrue(rows.stream().anyMatch(row -> row.get("claim").equals("'" + formula)), r::out);
        for (Map<String, String> row : rows) {
            row.forEach((column, cell) -> assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                    column + " starts a formula: " + cell));
        }
    }

    /** Outside a checkout too: init copies the cases beside the rules, where test (and check) find them. */
    @Test
    void initCopiesTheCasesWhichTestFindsBesideTheRules(@TempDir Path dir) throws IOException {
        Path rules = init(dir);
        assertTrue(Files.isRegularFile(rules.resolve("cases/scenarios/vegan-b12.json")), "the cases are copied");
        Files.writeString(rules.resolve("cases/claims/zz-wrong.json"), """
                {"description": "a wrong expectation", "answers": {"twitching": true, "diet": "vegan"},
                 "expect": {"triage": "urgent"}}
                """);
        CliRun test = twitch("rules", "test", rules.toString());
        assertEquals(ExitCodes.CASES_FAILED, test.exitCode(), test::toString);
        assertTrue(test.out().contains("FAIL  " + rules.resolve("cases") + "/claims/zz-wrong.json  a wrong expectation"), test::out);
    }

    @Test
    void initRefusesAFolderThatIsNotEmpty(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        CliRun r = twitch("rules", "init", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: " + dir + " already exists and is not empty: name a new folder", r.err().strip());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void assessUsesAnExpertsRulesFolderWithoutRebuilding(@TempDir Path dir) throws IOException {
        Path rules = init(dir);
        Path b12 = rules.resolve("2-deficiencies/vitamin-b12.drl");
        String changed = "A changed claim, tried without rebuilding the jar.";
        Files.writeString(b12, Files.readString(b12).replace("B12 comes almost only from animal foods, so vegans without "
                + "a B12 supplement are at high risk of running low.", changed));

        CliRun mine = twitch("assess", "--rules", rules.toString(), "--format", "json", "facts/examples/vegan-runner.json");
        assertEquals(ExitCodes.OK, mine.exitCode(), mine::toString);
        assertTrue(mine.out().contains(changed), mine::out);
        CliRun bundled = twitch("assess", "--format", "json", "facts/examples/vegan-runner.json");
        assertFalse(bundled.out().contains(changed));
        assertFalse(mine.out().contains(TwitchAdvisor.bundled().ruleset()), "the rule set id says which rules were used");
    }

    @Test
    void theRulesFolderIsNamedOnce(@TempDir Path dir) {
        CliRun r = twitch("rules", "check", dir.resolve("a").toString(), "--rules", dir.resolve("b").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("name the rules folder once: as DIR or with --rules"), r::err);
    }

    /** A loop that only a shipped case's answers set off is refused by rules check, at the rule that loops. */
    @Test
    void aCaseThatMakesTheRulesLoopFailsTheCheck(@TempDir Path dir) throws IOException {
        Path rules = init(dir);
        Files.writeString(rules.resolve("1-risk-factors/zz-loop.drl"), TestFolders.LOOPING_RULES.replace("STARTS",
                "Measurement(question == \"caffeine_cups_per_day\", value == 7)"));
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("seven-cups.json"), """
                {"description": "seven cups", "answers": {"twitching": true, "caffeine_cups_per_day": 7},
                 "expect": {"triage": "self_care"}}
                """);
        CliRun r = twitch("rules", "check", rules.toString(), "--cases", cases.toString());
        assertEquals(ExitCodes.BAD_RULES, r.exitCode(), r::toString);
        assertTrue(r.out().contains(rules.resolve("1-risk-factors/zz-loop.drl") + ":14:1: error: rule \"test: each link "
                + "makes another\" keeps firing on the answers of case " + cases.resolve("seven-cups.json")), r::toString);
    }
}

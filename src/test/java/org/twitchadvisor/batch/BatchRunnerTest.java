package org.twitchadvisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.TestFolders;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch runner: every record accounted for, input order kept whatever the thread count, a true summary. */
class BatchRunnerTest {
    static final Path SURVEY = Path.of("facts/batch/survey.csv");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String line) {
        return CsvInputTest.json(line);
    }

    @Test
    void theExampleSurveyAccountsForEveryRow() throws IOException {
        BatchRun run = BatchRun.of(SURVEY, BatchOptions.defaults().withThreads(2));
        long rows = Files.readAllLines(SURVEY).size() - 1;
        BatchSummary s = run.summary();
        assertEquals(rows, s.rowsRead());
        assertEquals(s.rowsRead(), s.assessed() + s.rejected());
        assertEquals(s.assessed(), run.resultLines().size());
        assertEquals(s.rejected(), run.errorLines().size());
        assertEquals(3, s.rejected(), run.errors());
        // Each error record names where it came from and what is wrong.
        JsonNode typo = json(run.errorLines().get(0));
        assertEquals(SURVEY.toString(), typo.get("file").asText());
        assertEquals(15, typo.get("line").asInt());
        assertEquals("s-014", typo.get("respondent").asText());
        assertEquals("diet", typo.get("question").asText());
        assertEquals("vegn", typo.get("value").asText());
        JsonNode range = json(run.errorLines().get(1));
        assertEquals(17, range.get("line").asInt());
        assertEquals("caffeine_cups_per_day", range.get("question").asText());
        JsonNode nobody = json(run.errorLines().get(2));
        assertEquals(18, nobody.get("line").asInt());
        assertEquals("respondent", nobody.get("question").asText());
    }

    @Test
    void eachResultLineIsExactlyTheLibrarysJson() throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        BatchRun run = BatchRun.of(SURVEY, BatchOptions.defaults().withThreads(3));
        List<String> expected = new ArrayList<>();
        for (Map<String, String> cells : rows(SURVEY)) {
            try {
                expected.add(advisor.toJson(advisor.assess(advisor.fromCsvCells(cells))));
            } catch (InvalidQuestionnaireException e) {
                // rejected: in the errors file instead
            }
        }
        expected.removeIf(line -> json(line).get("respondent").isNull());
        assertEquals(expected, run.resultLines());
    }

    @Test
    void csvResultsNeverHoldATextCellASpreadsheetWouldRunAsAFormula() throws IOException {
        String input = "respondent,twitching,diet\n"
                + "\"=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",yes,vegan\n"
                + "-12,yes,vegan\n+1,yes,\n@SUM(A1),no,\nplain,yes,vegan\n";
        BatchRun run = BatchRun.of(input, BatchRun.csv().withOutputFormat(BatchOptions.OutputFormat.CSV));
        assertEquals("", run.errors());
        List<Map<String, String>> rows = new ArrayList<>();
        try (var it = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerFor(Map.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(run.results())) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(List.of("'=HYPERLINK(\"http://example.com\",\"x\")", "'-12", "'+1", "'@SUM(A1)", "plain"),
                rows.stream().map(r -> r.get("respondent")).toList());
        // The scores the program writes stay numbers a spreadsheet can sum.
        assertEquals(0.45, Double.parseDouble(rows.get(1).get("vitamin_b12_score")), 1e-9);
        for (Map<String, String> row : rows) {
            row.forEach((column, cell) -> assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                    column + " starts a formula: " + cell));
        }
    }

    @Test
    void outputIsInInputOrderAndTheSameForAnyThreadCount() {
        String survey = synthetic(900, 7);
        BatchRun one = BatchRun.of(survey, BatchRun.csv().withThreads(1));
        BatchRun four = BatchRun.of(survey, BatchRun.csv().withThreads(4));
        BatchRun two = BatchRun.of(survey, BatchRun.csv().withThreads(2));
        assertEquals(one.results(), four.results());
        assertEquals(one.errors(), four.errors());
        assertEquals(one.results(), two.results());
        assertTrue(one.summary().rejected() > 0, "the synthetic survey has bad rows");
        List<Integer> order = Stream.concat(one.resultLines().stream(), one.errorLines().stream())
                .map(l -> Integer.parseInt(json(l).get("respondent").asText().substring(1)))
                .sorted().toList();
        assertEquals(900, order.size());
        List<Integer> results = one.resultLines().stream()
                .map(l -> Integer.parseInt(json(l).get("respondent").asText().substring(1))).toList();
        assertEquals(results.stream().sorted().toList(), results, "results come in input order");
        assertEquals(one.summary().triage(), four.summary().triage());
        assertEquals(one.summary().findings(), four.summary().findings());
        assertEquals(one.summary().rules(), four.summary().rules());
    }

    @Test
    void theSummaryCountsWhatTheAssessmentsSay() throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        BatchSummary s = BatchRun.of(SURVEY, BatchOptions.defaults().withThreads(2)).summary();
        Map<String, Long> triage = new LinkedHashMap<>(Map.of("self_care", 0L, "see_doctor", 0L, "urgent", 0L));
        Map<String, Long> findings = new HashMap<>();
        Map<String, Long> rules = new HashMap<>();
        for (Map<String, String> cells : rows(SURVEY)) {
            Assessment a;
            try {
                a = advisor.assess(advisor.fromCsvCells(cells));
            } catch (InvalidQuestionnaireException e) {
                continue;
            }
            if (a.respondent() == null) {
                continue;
            }
            triage.merge(a.triage().id(), 1L, Long::sum);
            for (Finding f : a.findings()) {
                findings.merge(f.type() + "/" + f.subject() + "/" + f.level(), 1L, Long::sum);
            }
            a.rulesFired().forEach(r -> rules.merge(r, 1L, Long::sum));
        }
        assertEquals(triage, new LinkedHashMap<>(s.triage()));
        assertEquals(List.of("self_care", "see_doctor", "urgent"), List.copyOf(s.triage().keySet()));
        Map<String, Long> counted = new HashMap<>();
        for (BatchSummary.FindingCount f : s.findings()) {
            assertEquals(f.respondents(), f.levels().values().stream().mapToLong(Long::longValue).sum());
            f.levels().forEach((level, n) -> {
                if (n > 0) {
                    counted.put(f.type() + "/" + f.subject() + "/" + level, n);
                }
            });
        }
        assertEquals(findings, counted);
        // Every rule is listed, those that never fired with 0 and again in rulesNeverFired.
        assertEquals(advisor.catalog().rules().stream().map(RuleCatalog.Rule::name).sorted().toList(),
                List.copyOf(s.rules().keySet()));
        s.rules().forEach((rule, n) -> assertEquals(rules.getOrDefault(rule, 0L), n, rule));
        assertEquals(s.rules().entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList(),
                s.rulesNeverFired());
        assertFalse(s.rulesNeverFired().isEmpty(), "a 20-row survey leaves some rules unfired");
        // Subjects the rules know but nobody got are listed with 0.
        assertTrue(s.findings().stream().anyMatch(f -> f.subject().equals("paralysis") && f.respondents() == 0));
        assertTrue(s.perSecond() > 0 && s.wallSeconds() > 0);
        assertEquals(advisor.ruleset(), s.ruleset());
    }

    @Test
    void theSummaryReadsAsJsonAndAsText() throws IOException {
        BatchSummary s = BatchRun.of(SURVEY, BatchOptions.defaults().withThreads(2)).summary();
        JsonNode j = JSON.readTree(s.toJson());
        assertEquals(20, j.get("rowsRead").asInt());
        assertEquals(17, j.get("assessed").asInt());
        assertEquals(3, j.get("rejected").asInt());
        assertNull(j.get("stoppedBy"), "only a stopped batch says why");
        assertEquals(s.rules().size(), j.get("rules").size());
        assertEquals("deficiency", j.get("findings").get(0).get("type").asText());
        String text = s.toText();
        assertTrue(text.startsWith("Batch facts/batch/survey.csv: 20 rows read, 17 assessed, 3 rejected"), text);
        assertTrue(text.contains("never fired"), text);
    }

    @Test
    void jsonLinesGiveOneResultOrErrorPerNonBlankLine() {
        String jsonl = """
                {"respondent": "j1", "twitching": true, "diet": "vegan"}

                {"respondent": "j2", "diet": "vegn"}
                not json at all
                {"diet": "vegan"}
                [1, 2]
                {"respondent": "j3", "twitch_sites": ["calf"]}\r
                """;
        BatchRun run = BatchRun.of(jsonl, BatchRun.jsonLines());
        assertEquals(6, run.summary().rowsRead());
        assertEquals(2, run.summary().assessed(), run.errors());
        List<JsonNode> errors = run.errorLines().stream().map(BatchRunnerTest::json).toList();
        assertEquals(List.of(3, 4, 5, 6), errors.stream().map(e -> e.get("line").asInt()).toList());
        assertEquals("j2", errors.get(0).get("respondent").asText());
        assertEquals("diet", errors.get(0).get("question").asText());
        assertTrue(errors.get(1).get("message").asText().startsWith("invalid JSON at line 1"), run.errors());
        assertEquals("respondent", errors.get(2).get("question").asText());
        assertTrue(errors.get(3).get("message").asText().contains("must be a JSON object"), run.errors());
        assertEquals(List.of("j1", "j3"), CsvInputTest.respondents(run));
    }

    @Test
    void aGiantJsonLineIsSkippedNotRead() {
        String giant = "{\"respondent\": \"" + "x".repeat(JsonLinesRecordReader.MAX_LINE_CHARS + 10) + "\"}";
        BatchRun run = BatchRun.of(giant + "\n{\"respondent\": \"after\"}\n", BatchRun.jsonLines());
        assertEquals(1, run.summary().assessed());
        JsonNode error = json(run.errorLines().get(0));
        assertEquals(1, error.get("line").asInt());
        assertTrue(error.get("message").asText().contains("more than the 1,000,000"), run.errors());
        assertEquals(List.of("after"), CsvInputTest.respondents(run));
    }

    @Test
    void standardInputFormatIsSniffed() {
        BatchOptions sniff = BatchOptions.defaults().withThreads(2);
        assertEquals(1, BatchRun.of("  {\"respondent\": \"j1\"}\n", sniff).summary().assessed());
        assertEquals(1, BatchRun.of("respondent,diet\nr1,vegan\n", sniff).summary().assessed());
    }

    @Test
    void aFolderOfJsonFilesIsReadInNameOrderAndNamesRespondentsAfterFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.json"), "{\"twitching\": true, \"diet\": \"vegan\"}");
        Files.writeString(dir.resolve("a.json"), "{\"respondent\": \"alice\", \"diet\": \"omnivore\"}");
        Files.writeString(dir.resolve("c.json"), "{\"diet\": \"vegn\"}");
        Files.writeString(dir.resolve("notes.txt"), "not a questionnaire");
        BatchRun run = BatchRun.of(dir, BatchOptions.defaults().withThreads(2));
        assertEquals(3, run.summary().rowsRead());
        assertEquals(List.of("alice", "b"), CsvInputTest.respondents(run));
        JsonNode error = json(run.errorLines().get(0));
        assertEquals(dir.resolve("c.json").toString(), error.get("file").asText());
        assertTrue(error.get("line").isNull());
        assertEquals("c", error.get("respondent").asText());
    }

    /** A loop any made-up person sets off is refused as the folder loads, at the rule that loops. */
    @Test
    void aRuleThatLoopsOnCommonAnswersIsRefusedAtLoad(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(Path.of("rules"), rules);
        Files.writeString(rules.resolve("1-risk-factors/zz-loop.drl"), TestFolders.LOOPING_RULES.replace("STARTS", "Answer(question == \"diet\", value == \"vegan\")"));
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(rules));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertEquals("1-risk-factors/zz-loop.drl:14:1", e.problems().get(0).file() + ":" + e.problems().get(0).line() + ":"
                + e.problems().get(0).column(), e::getMessage);
        assertTrue(e.problems().get(0).message().startsWith("rule \"test: each link makes another\" keeps firing"), e::getMessage);
    }

    /** A loop only a rare answer sets off passes the load and stops only the rows that give that answer. */
    @Test
    void aLoopingRuleRejectsOnlyTheQuestionnairesItLoopsOn(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(Path.of("rules"), rules);
        Files.writeString(rules.resolve("1-risk-factors/zz-loop.drl"), TestFolders.LOOPING_RULES.replace("STARTS",
                "Measurement(question == \"caffeine_cups_per_day\", value == 7)"));
        TwitchAdvisor looping = TwitchAdvisor.fromDirectory(rules).withMaxFirings(2_000);
        String csv = "respondent,caffeine_cups_per_day\nr1,2\nr2,7\nr3,9\n";
        BatchRun run = BatchRun.of(looping, csv.getBytes(), BatchRun.csv());
        assertEquals(2, run.summary().assessed(), run.errors());
        assertEquals(1, run.summary().rejected());
        JsonNode error = json(run.errorLines().get(0));
        assertEquals(3, error.get("line").asInt());
        assertEquals("r2", error.get("respondent").asText());
        assertEquals("test: each link makes another", error.get("rule").asText());
        assertTrue(error.get("message").asText().contains("\"test: each link makes another\""), run.errors());
        assertEquals(List.of("r1", "r3"), CsvInputTest.respondents(run));
    }

    @Test
    void progressIsReportedOnTheCallingThread() {
        List<BatchProgress> reports = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        BatchRun.of(synthetic(600, 3), BatchRun.csv().withProgress(Duration.ZERO, p -> {
            reports.add(p);
            threads.add(Thread.currentThread());
        }));
        assertFalse(reports.isEmpty());
        assertTrue(threads.stream().allMatch(t -> t == caller));
        assertEquals(600, reports.get(reports.size() - 1).done());
        assertTrue(reports.get(0).toText().contains(" rows "), reports.get(0).toText());
    }

    /** A survey of n rows with varied answers; about one in twelve has a mistake. */
    static String synthetic(int n, long seed) {
        Random r = new Random(seed);
        String[] diets = {"omnivore", "vegan", "vegetarian", "pescatarian", "", "vegn"};
        String[] sites = {"calf", "eyelid", "leg;foot", "hand", "", "knee"};
        String[] symptoms = {"cramps", "fatigue;tingling", "none", "", "muscle_weakness", "irregular_heartbeat"};
        StringBuilder b = new StringBuilder("respondent,twitching,twitch_sites,symptoms,diet,caffeine_cups_per_day,"
                + "stress,heavy_sweating,lab_magnesium_mmol_l\n");
        for (int i = 0; i < n; i++) {
            b.append('r').append(i).append(',').append(r.nextBoolean() ? "yes" : "no").append(',')
                    .append(sites[r.nextInt(sites.length)]).append(',').append(symptoms[r.nextInt(symptoms.length)])
                    .append(',').append(diets[r.nextInt(diets.length)]).append(',').append(r.nextInt(9)).append(',')
                    .append(r.nextBoolean() ? "high" : "low").append(',').append(r.nextBoolean() ? "yes" : "")
                    .append(',').append(r.nextInt(10) == 0 ? "0.6" : "").append('\n');
        }
        return b.toString();
    }

    static List<Map<String, String>> rows(Path csv) throws IOException {
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (var it = mapper.readerFor(Map.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.toFile())) {
            while (it.hasNext()) {
                rows.add(new LinkedHashMap<>(it.next()));
            }
        }
        return rows;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}

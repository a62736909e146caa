package org.twitchadvisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compressed results and input, explanation levels, and the CSV columns that keep what JSON has. */
class LeanOutputTest {
    private static final Path SURVEY = Path.of("facts/batch/survey.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] run(Path input, BatchOptions options, ByteArrayOutputStream errors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BatchRunner(TwitchAdvisor.bundled(), options).run(input, out, errors);
        return out.toByteArray();
    }

    private static BatchOptions twoThreads() {
        return BatchOptions.defaults().withThreads(2);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void compressedResultsReadBackToTheSameBytes(Compression c) throws IOException {
        byte[] plain = run(SURVEY, twoThreads(), new ByteArrayOutputStream());
        byte[] packed = run(SURVEY, twoThreads().withCompression(c), new ByteArrayOutputStream());
        assertTrue(packed.length * 3 < plain.length, "compressed: " + packed.length + " of " + plain.length);
        try (InputStream in = c.decompress(new java.io.ByteArrayInputStream(packed))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void compressedInputGivesTheSameResultsAsPlain(Compression c, @TempDir Path tmp) throws IOException {
        Path packed = tmp.resolve("survey.csv" + c.suffix());
        try (OutputStream out = c.compress(Files.newOutputStream(packed))) {
            Files.copy(SURVEY, out);
        }
        ByteArrayOutputStream plainErrors = new ByteArrayOutputStream();
        ByteArrayOutputStream packedErrors = new ByteArrayOutputStream();
        byte[] plain = run(SURVEY, twoThreads(), plainErrors);
        byte[] fromPacked = run(packed, twoThreads(), packedErrors);
        assertArrayEquals(plain, fromPacked);
        assertEquals(plainErrors.toString(StandardCharsets.UTF_8).replace(SURVEY.toString(), packed.toString()),
                packedErrors.toString(StandardCharsets.UTF_8));
    }

    /** A gzip file cut in the middle: the records before the cut are assessed, reading stops there, and says why. */
    @Test
    void aCompressedInputCutShortKeepsTheRecordsBeforeTheCut(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole.csv.gz");
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(whole))) {
            Files.copy(SURVEY, out);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        BatchSummary s = new BatchRunner(TwitchAdvisor.bundled(), twoThreads()).run(cut, out, errors);
        assertNotNull(s.stoppedBy());
        assertFalse(s.complete());
        assertTrue(s.stoppedBy().contains("the gzip data is cut short or damaged"), s.stoppedBy());
        assertTrue(s.rowsRead() > 3 && s.rowsRead() < 20, "rows before the cut: " + s.rowsRead());
        List<String> all = new String(run(SURVEY, twoThreads(), new ByteArrayOutputStream()), StandardCharsets.UTF_8)
                .lines().toList();
        List<String> kept = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(s.assessed(), kept.size());
        assertEquals(all.subList(0, kept.size()), kept, "the results before the cut are those of the whole file");
        long line = Long.parseLong(s.stoppedBy().replaceAll(".*after line (\\d+).*", "$1"));
        assertEquals(s.rowsRead() + 1, line, "the header and every row read come before the cut: " + s.stoppedBy());
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefusedNamingIt(@TempDir Path tmp) throws IOException {
        Path fake = tmp.resolve("survey.csv.gz");
        Files.copy(SURVEY, fake);
        org.twitchadvisor.TwitchAdvisorException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.twitchadvisor.TwitchAdvisorException.class, () -> run(fake, twoThreads(), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().startsWith(fake + ": not gzip data"), e.getMessage());
    }

    @Test
    void anEmptyInputStillGivesAValidCompressedFile(@TempDir Path tmp) throws IOException {
        Path empty = tmp.resolve("empty.csv");
        Files.writeString(empty, "");
        byte[] packed = run(empty, twoThreads().withCompression(Compression.GZIP), new ByteArrayOutputStream());
        try (InputStream in = Compression.GZIP.decompress(new java.io.ByteArrayInputStream(packed))) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void fullIsTheContractByteForByte() throws IOException {
        byte[] full = run(SURVEY, twoThreads().withExplain(BatchOptions.Explain.FULL), new ByteArrayOutputStream());
        byte[] dflt = run(SURVEY, twoThreads(), new ByteArrayOutputStream());
        assertArrayEquals(dflt, full);
        assertFalse(new String(full, StandardCharsets.UTF_8).contains("\"explain\""));
    }

    /** Every field of a lean line is the assessment's own, and the level says so on each line. */
    @ParameterizedTest
    @EnumSource(value = BatchOptions.Explain.class, names = {"SUMMARY", "NONE"})
    void leanLevelsKeepTheFindingsAndSayTheirLevel(BatchOptions.Explain level) throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        List<Assessment> expected = assessments(advisor);
        List<String> lines = new String(run(SURVEY, twoThreads().withExplain(level), new ByteArrayOutputStream()),
                StandardCharsets.UTF_8).lines().toList();
        assertEquals(expected.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            Assessment a = expected.get(i);
            assertEquals(List.of("respondent", "triage", "findings", "ruleset", "explain"), names(line));
            assertEquals(level.id(), line.get("explain").asText());
            assertEquals(a.respondent(), line.get("respondent").asText());
            assertEquals(a.triage().id(), line.get("triage").asText());
            assertEquals(a.ruleset(), line.get("ruleset").asText());
            assertEquals(a.findings().size(), line.get("findings").size());
            for (int j = 0; j < a.findings().size(); j++) {
                Finding f = a.findings().get(j);
                JsonNode n = line.get("findings").get(j);
                assertNull(n.get("because"));
                assertNull(n.get("advice"), "advice goes by id");
                assertEquals(f.subject(), n.get("subject").asText());
                assertEquals(f.level(), n.get("level").asText());
                assertEquals(f.score(), n.get("score").asDouble());
                assertEquals(f.advice().size(), n.get("adviceIds").size());
                if (level == BatchOptions.Explain.SUMMARY) {
                    assertEquals(f.summary(), n.get("summary").asText());
                    Set<String> rules = new LinkedHashSet<>();
                    Set<String> questions = new LinkedHashSet<>();
                    f.because().forEach(e -> walk(e, rules, questions));
                    assertEquals(List.copyOf(rules), texts(n.get("rules")));
                    assertEquals(List.copyOf(questions), names(n.get("answers")));
                } else {
                    assertEquals(List.of("type", "subject", "level", "score", "adviceIds"), names(n));
                }
            }
        }
    }

    @Test
    void noneIsAtLeastFiveTimesSmallerThanFull() throws IOException {
        int full = run(SURVEY, twoThreads(), new ByteArrayOutputStream()).length;
        int summary = run(SURVEY, twoThreads().withExplain(BatchOptions.Explain.SUMMARY), new ByteArrayOutputStream()).length;
        int none = run(SURVEY, twoThreads().withExplain(BatchOptions.Explain.NONE), new ByteArrayOutputStream()).length;
        assertTrue(none * 5 <= full, "none " + none + " bytes, full " + full);
        assertTrue(none < summary && summary < full, none + " < " + summary + " < " + full);
    }

    @Test
    void csvKeepsTheRulesetTheAdviceIdsAndTheRulesFired() throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        List<Assessment> expected = assessments(advisor);
        String csv = new String(run(SURVEY, twoThreads().withOutputFormat(BatchOptions.OutputFormat.CSV),
                new ByteArrayOutputStream()), StandardCharsets.UTF_8);
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        Iterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv);
        List<String> header = rows.next();
        assertEquals(List.of("advice", "rules_fired", "ruleset"), header.subList(header.size() - 3, header.size()));
        java.util.Map<String, String> idsByText = new java.util.HashMap<>();
        advisor.adviceTexts().forEach((id, text) -> idsByText.put(text, id));
        for (Assessment a : expected) {
            List<String> row = rows.next();
            assertEquals(header.size(), row.size());
            assertEquals(a.respondent(), row.get(0));
            assertEquals(a.ruleset(), row.get(header.indexOf("ruleset")));
            assertEquals(String.join(";", a.rulesFired()), row.get(header.indexOf("rules_fired")));
            Set<String> ids = new LinkedHashSet<>();
            a.findings().forEach(f -> f.advice().forEach(t -> ids.add(idsByText.getOrDefault(t, "foods"))));
            assertEquals(String.join(";", ids), row.get(header.indexOf("advice")));
        }
        assertFalse(rows.hasNext());
    }

    /** The assessments of the example survey's valid rows, as the library gives them one by one. */
    private static List<Assessment> assessments(TwitchAdvisor advisor) throws IOException {
        List<String> results = new String(run(SURVEY, twoThreads(), new ByteArrayOutputStream()), StandardCharsets.UTF_8)
                .lines().toList();
        List<String> csvLines = Files.readAllLines(SURVEY);
        List<String> header = List.of(csvLines.get(0).split(",", -1));
        List<Assessment> out = new ArrayList<>();
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        Iterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).readValues(SURVEY.toFile());
        rows.next();
        Set<String> assessed = new LinkedHashSet<>();
        for (String r : results) {
            assessed.add(JSON.readTree(r).get("respondent").asText());
        }
        while (rows.hasNext()) {
            List<String> row = rows.next();
            java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                cells.put(header.get(i), row.get(i));
            }
            if (assessed.contains(cells.get("respondent"))) {
                Assessment a = advisor.assess(advisor.fromCsvCells(cells));
                assertEquals(results.get(out.size()), advisor.toJson(a), "the library's own assessment");
                out.add(a);
            }
        }
        return out;
    }

    private static void walk(Explanation e, Set<String> rules, Set<String> questions) {
        rules.add(e.rule());
        questions.addAll(e.answers().keySet());
        e.because().forEach(b -> walk(b, rules, questions));
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}

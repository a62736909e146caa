package org.twitchadvisor.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The population report: gathered by a batch or read back, the same numbers; bad files named with their line. */
class PopulationReportTest {
    private static final Path SURVEY = Path.of("facts/batch/survey.csv");

    /** Runs the example survey with a report, writing results, errors and summary into {@code dir}. */
    static String batchWithReport(Path dir, BatchOptions options) throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        PopulationReport report = new PopulationReport(advisor);
        Path results = dir.resolve("results.jsonl" + options.compression().suffix());
        try (OutputStream out = Files.newOutputStream(results);
             OutputStream errors = Files.newOutputStream(dir.resolve("results.jsonl.errors.jsonl"))) {
            BatchSummary s = new BatchRunner(advisor, options.withReport(report)).run(SURVEY, out, errors);
            Files.writeString(dir.resolve("summary.json"), s.toJson());
        }
        return html(report, "survey");
    }

    static String html(PopulationReport report, String source) throws IOException {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        report.writeHtml(source, page);
        return page.toString(StandardCharsets.UTF_8);
    }

    /** The rules section differs on purpose: a batch counts every rule that fired, results name only the explaining ones. */
    private static String withoutRules(String html) {
        return html.replaceAll("(?s)<section id=\"rules\".*?</section>", "");
    }

    @Test
    void aBatchsReportAndOneReadBackFromItsResultsShowTheSameNumbers(@TempDir Path tmp) throws IOException {
        String gathered = batchWithReport(tmp, BatchOptions.defaults().withThreads(2).withCompression(Compression.GZIP));
        PopulationReport read = PopulationReport.read(TwitchAdvisor.bundled(), tmp.resolve("results.jsonl.gz"),
                tmp.resolve("results.jsonl.errors.jsonl"));
        assertEquals(17, read.assessed());
        assertEquals(3, read.rejected());
        String back = html(read, "survey");
        assertEquals(withoutRules(gathered), withoutRules(back));
        assertTrue(gathered.contains("Respondents for whom each rule fired."), "a batch counts every fired rule");
        assertTrue(back.contains("is not seen there"), "read back, the report says what it cannot see");
        for (String section : new String[] {"triage", "findings", "scores", "together", "rules", "rejected"}) {
            assertTrue(gathered.contains("<section id=\"" + section + "\""), section);
        }
        assertFalse(gathered.contains("http://") || gathered.contains("https://") || gathered.contains("<script"),
                "self-contained: nothing fetched, nothing run");
    }

    @Test
    void aSummaryFileGivesWhatItHasAndSaysWhatItLacks(@TempDir Path tmp) throws IOException {
        batchWithReport(tmp, BatchOptions.defaults().withThreads(2));
        PopulationReport fromSummary = PopulationReport.read(TwitchAdvisor.bundled(), tmp.resolve("summary.json"), null);
        assertEquals(17, fromSummary.assessed());
        assertEquals(3, fromSummary.rejected());
        String page = html(fromSummary, "summary.json");
        assertTrue(page.contains("A summary file has no scores."), page);
        assertTrue(page.contains("a summary file does not say why"), page);
        assertTrue(page.contains("Respondents for whom each rule fired."), "a summary's rule counts are exact");
    }

    @Test
    void resultsWithoutExplanationsSayTheyNameNoRules(@TempDir Path tmp) throws IOException {
        batchWithReport(tmp, BatchOptions.defaults().withThreads(2).withExplain(BatchOptions.Explain.NONE));
        String page = html(PopulationReport.read(TwitchAdvisor.bundled(), tmp.resolve("results.jsonl"), null), "r");
        assertTrue(page.contains("Results written with --explain none name no rules"), page);
        assertTrue(page.contains("Explanation level of the results: none"), page);
    }

    @Test
    void textFromTheDataIsEscaped(@TempDir Path tmp) throws IOException {
        Path survey = tmp.resolve("s.csv");
        Files.writeString(survey, "respondent,diet\n<b>x</b>,<script>alert(1)</script>&\n");
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        PopulationReport report = new PopulationReport(advisor);
        new BatchRunner(advisor, BatchOptions.defaults().withReport(report)).run(survey, OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream());
        String page = html(report, "<i>survey</i>");
        assertEquals(1, report.rejected());
        assertFalse(page.contains("<script") || page.contains("<i>") || page.contains("<b>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"), "the example message, escaped");
        assertTrue(page.contains("&lt;i&gt;survey&lt;/i&gt;"));
    }

    @Test
    void aFileThatIsNotResultsIsRefusedNamingTheFileAndLine(@TempDir Path tmp) throws IOException {
        String good = Files.readAllLines(resultsOf(tmp)).get(0);
        Path mixed = tmp.resolve("mixed.jsonl");
        Files.writeString(mixed, good + "\n\n{\"respondent\":\"q\",\"diet\":\"vegan\"}\n");
        assertRefused(mixed, null, mixed + ":3: not a result of twitch batch: it has no 'triage' and 'findings' (is it a"
                + " questionnaire rather than a result?)");
        Path csv = tmp.resolve("r.csv");
        Files.writeString(csv, "respondent,triage\nr1,urgent\n");
        assertRefused(csv, null, csv + ":1: not a result of twitch batch: not JSON");
        Path errors = tmp.resolve("results.jsonl.errors.jsonl");
        assertRefused(errors, null, errors + ":1: not a result of twitch batch: it has no 'triage' and 'findings' (this"
                + " looks like an errors file");
        assertRefused(resultsOf(tmp), mixed, mixed + ":1: not an error record of twitch batch");
        Path badScore = tmp.resolve("bad-score.jsonl");
        Files.writeString(badScore, good.replaceFirst("\"score\":[0-9.]+", "\"score\":\"high\"") + "\n");
        assertRefused(badScore, null, badScore + ":1: finding 1 lacks its type, subject, level or numeric score");
        Path summary = tmp.resolve("summary.json");
        Files.writeString(summary, "{\n  \"rowsRead\" : 3,\n  \"triage\" : [ \n");
        assertRefused(summary, null, summary + ":4: not a summary of twitch batch: not JSON");
        Path cut = tmp.resolve("cut.jsonl.gz");
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(cut))) {
            Files.copy(resultsOf(tmp), out);
        }
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut, null, cut + ": cannot read: the gzip data is cut short or damaged ");
        Path fake = tmp.resolve("fake.jsonl.zst");
        Files.copy(resultsOf(tmp), fake);
        assertRefused(fake, null, fake + ": cannot read: the zstd data is cut short or damaged before the first line");
        Path latin1 = tmp.resolve("latin1.jsonl");
        Files.write(latin1, (good + "\n{\"x\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(latin1, null, latin1 + ": not UTF-8 text, as twitch batch writes, ");
    }

    private static Path resultsOf(Path tmp) throws IOException {
        Path results = tmp.resolve("results.jsonl");
        if (!Files.exists(results)) {
            batchWithReport(tmp, BatchOptions.defaults().withThreads(2));
        }
        return results;
    }

    private static void assertRefused(Path results, Path errors, String start) {
        TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class,
                () -> PopulationReport.read(TwitchAdvisor.bundled(), results, errors));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}

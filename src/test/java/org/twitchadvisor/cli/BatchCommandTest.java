package org.twitchadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.batch.Compression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twitch batch}: files in and out, the summary, and one documented exit code per outcome. */
class BatchCommandTest {
    static final String SURVEY = "facts/batch/survey.csv";
    static final ObjectMapper JSON = new ObjectMapper();

    static void assertOneCleanLine(CliRun r) {
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("twitch: "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    /** The first n data rows of the example survey, which are all valid. */
    static Path cleanSurvey(Path dir, int n) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SURVEY));
        Path p = dir.resolve("clean.csv");
        Files.write(p, lines.subList(0, n + 1));
        return p;
    }

    @Test
    void everyRowAssessedExitsZeroWithAnEmptyErrorsFileNextToTheOutput(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("results.jsonl");
        CliRun r = CliRun.run("batch", cleanSurvey(tmp, 5).toString(), "--output", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(5, Files.readAllLines(out).size());
        assertEquals("", Files.readString(tmp.resolve("results.jsonl.errors.jsonl")));
        assertTrue(r.err().contains("5 rows read, 5 assessed, 0 rejected"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void rejectedRowsExitFiveAndAreNamedInTheErrorsFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("results.jsonl");
        CliRun r = CliRun.run("batch", SURVEY, "--output", out.toString());
        assertEquals(ExitCodes.ROWS_REJECTED, r.exitCode(), r.err());
        assertEquals(17, Files.readAllLines(out).size());
        Path errors = tmp.resolve("results.jsonl.errors.jsonl");
        List<String> errorLines = Files.readAllLines(errors);
        assertEquals(3, errorLines.size());
        assertEquals(15, JSON.readTree(errorLines.get(0)).get("line").asInt());
        assertTrue(r.err().contains("20 rows read, 17 assessed, 3 rejected"), r.err());
        assertTrue(r.err().contains("3 rejected records: see " + errors), r.err());
    }

    @Test
    void theSummaryFileIsJson(@TempDir Path tmp) throws IOException {
        Path summary = tmp.resolve("summary.json");
        CliRun r = CliRun.run("batch", SURVEY, "--output", tmp.resolve("r.jsonl").toString(), "--summary",
                summary.toString(), "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, r.exitCode());
        assertEquals("", r.err(), "--quiet: no summary on stderr");
        JsonNode s = JSON.readTree(summary.toFile());
        assertEquals(20, s.get("rowsRead").asInt());
        assertEquals(3, s.get("rejected").asInt());
        assertEquals(TwitchAdvisor.bundled().catalog().rules().size(), s.get("rules").size());
    }

    @Test
    void csvOutputHasARowPerRespondentForSpreadsheets(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("results.csv");
        CliRun r = CliRun.run("batch", SURVEY, "--output", out.toString(), "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(18, lines.size(), "a header and 17 rows");
        assertEquals("respondent,triage,calcium_level,calcium_score,iron_level,iron_score,magnesium_level,"
                + "magnesium_score,potassium_level,potassium_score,vitamin_b12_level,vitamin_b12_score,"
                + "vitamin_b6_level,vitamin_b6_score,vitamin_d_level,vitamin_d_score,lifestyle,differentials,red_flags,"
                + "advice,rules_fired,ruleset", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"Okafor, A.\",")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("s-008,urgent,")
                && l.contains(",sustained_contractions,") && l.endsWith(",\"" + TwitchAdvisor.bundled().ruleset() + "\"")),
                String.join("\n", lines));
        // --format wins over the extension.
        Path jsonl = tmp.resolve("forced.csv");
        CliRun forced = CliRun.run("batch", SURVEY, "--output", jsonl.toString(), "--format", "jsonl", "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, forced.exitCode());
        assertTrue(Files.readAllLines(jsonl).get(0).startsWith("{\"respondent\":\"s-001\""));
    }

    @Test
    void standardInputToStandardOutput(@TempDir Path tmp) throws IOException {
        String csv = Files.readString(cleanSurvey(tmp, 3));
        Path errors = tmp.resolve("errors.jsonl");
        CliRun r = CliRun.runWithInput(csv, "batch", "-", "--output", "-", "--errors", errors.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(3, r.lines().size());
        assertEquals("s-001", JSON.readTree(r.lines().get(0)).get("respondent").asText());
        assertEquals("", Files.readString(errors));
    }

    @Test
    void theDefaultErrorsFileSitsNextToTheOutputNamedAfterItsFormat() {
        assertEquals(Path.of("out", "results.jsonl.errors.jsonl").toString(), BatchCommand.defaultErrors("out/results.jsonl"));
        assertEquals("results.csv.errors.jsonl", BatchCommand.defaultErrors("results.csv"));
        assertEquals("results.jsonl.errors.jsonl", BatchCommand.defaultErrors("results.jsonl.gz"));
        assertEquals("results.csv.errors.jsonl", BatchCommand.defaultErrors("results.csv.zst"));
        assertEquals("results.errors.jsonl", BatchCommand.defaultErrors("results"));
        assertNull(BatchCommand.defaultErrors("-"), "standard output: the errors go to standard error");
    }

    @Test
    void unusableArgumentsExitTwo(@TempDir Path tmp) throws IOException {
        String out = tmp.resolve("r.jsonl").toString();
        assertEquals(ExitCodes.USAGE, CliRun.run("batch", SURVEY).exitCode(), "--output is required");
        assertEquals(ExitCodes.USAGE, CliRun.run("batch", SURVEY, "--output", out, "--threads", "0").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.run("batch", SURVEY, "--output", out, "--errors", out).exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.run("batch", SURVEY, "--output", SURVEY).exitCode());
        Path txt = tmp.resolve("survey.txt");
        Files.copy(Path.of(SURVEY), txt);
        CliRun unknown = CliRun.run("batch", txt.toString(), "--output", out);
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("--input-format"), unknown.err());
        assertEquals(ExitCodes.ROWS_REJECTED,
                CliRun.run("batch", txt.toString(), "--output", out, "--input-format", "csv", "--quiet").exitCode());
    }

    @Test
    void unreadableInputExitsThreeWithOneLine(@TempDir Path tmp) throws IOException {
        String out = tmp.resolve("r.jsonl").toString();
        CliRun missing = CliRun.run("batch", tmp.resolve("nope.csv").toString(), "--output", out);
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertOneCleanLine(missing);
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path badHeader = tmp.resolve("bad-header.csv");
        Files.writeString(badHeader, "respondent,diett\nr1,vegan\n");
        CliRun header = CliRun.run("batch", badHeader.toString(), "--output", out);
        assertEquals(ExitCodes.BAD_INPUT, header.exitCode());
        assertOneCleanLine(header);
        assertTrue(header.err().contains("'diett' (did you mean 'diet'?)"), header.err());
        assertEquals(ExitCodes.OK, CliRun.run("batch", badHeader.toString(), "--output", out, "--quiet",
                "--ignore-unknown-columns").exitCode());

        Path broken = tmp.resolve("broken.csv");
        Files.writeString(broken, "respondent,diet\nr1,vegan\nr2,\"vegan\nr3,omnivore\n");
        CliRun stopped = CliRun.run("batch", broken.toString(), "--output", out, "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, stopped.exitCode());
        assertOneCleanLine(stopped);
        assertTrue(stopped.err().contains("the CSV structure is broken"), stopped.err());
        assertEquals(1, Files.readAllLines(Path.of(out)).size(), "what came before the break is kept");
    }

    @Test
    void anotherRulesFolderIsUsedWithRules(@TempDir Path tmp) throws IOException {
        Path summary = tmp.resolve("s.json");
        CliRun r = CliRun.run("batch", SURVEY, "--output", tmp.resolve("r.jsonl").toString(), "--rules", "rules",
                "--summary", summary.toString(), "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, r.exitCode(), r.err());
        assertEquals(TwitchAdvisor.fromDirectory(Path.of("rules")).ruleset(),
                JSON.readTree(summary.toFile()).get("ruleset").asText());
    }

    /** With the results on standard output, the error records go to standard error, and no file is left behind. */
    @Test
    void withResultsOnStandardOutputTheErrorsGoToStandardError() throws IOException {
        String csv = Files.readString(Path.of(SURVEY));
        CliRun r = CliRun.runWithInput(csv, "batch", "-", "--output", "-", "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, r.exitCode(), r.err());
        assertEquals(17, r.lines().size());
        List<String> errorLines = r.err().lines().toList();
        assertEquals(3, errorLines.size(), r.err());
        for (String line : errorLines) {
            assertTrue(JSON.readTree(line).has("message"), line);
        }
        assertFalse(Files.exists(Path.of("twitch-errors.jsonl")), "nothing is written to the current folder");
    }

    /** CSV and JSON Lines results in one folder each get their own errors file. */
    @Test
    void resultsOfTwoFormatsHaveTheirOwnErrorsFiles(@TempDir Path tmp) throws IOException {
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", SURVEY, "--output", tmp.resolve("r.jsonl").toString(),
                "--quiet").exitCode());
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", SURVEY, "--output", tmp.resolve("r.csv.gz").toString(),
                "--quiet").exitCode());
        assertEquals(3, Files.readAllLines(tmp.resolve("r.jsonl.errors.jsonl")).size());
        assertEquals(3, Files.readAllLines(tmp.resolve("r.csv.errors.jsonl")).size());
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(tmp.resolve("r.csv.gz")))) {
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).startsWith("respondent,triage,"));
        }
    }

    @Test
    void compressedOutputAndInputAndExplainLevels(@TempDir Path tmp) throws IOException {
        Path plain = tmp.resolve("plain.jsonl");
        Path packed = tmp.resolve("packed.jsonl.zst");
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", SURVEY, "--output", plain.toString(), "--quiet").exitCode());
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", SURVEY, "--output", packed.toString(), "--quiet").exitCode());
        try (var in = Compression.ZSTD.decompress(Files.newInputStream(packed))) {
            assertEquals(Files.readString(plain), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Path survey = tmp.resolve("survey.csv.zst");
        try (var out = Compression.ZSTD.compress(Files.newOutputStream(survey))) {
            Files.copy(Path.of(SURVEY), out);
        }
        Path fromPacked = tmp.resolve("from-packed.jsonl");
        Path direct = tmp.resolve("direct.jsonl");
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", survey.toString(), "--output", fromPacked.toString(),
                "--explain", "none", "--quiet").exitCode());
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", SURVEY, "--output", direct.toString(), "--explain", "none",
                "--quiet").exitCode());
        assertEquals(Files.readString(direct), Files.readString(fromPacked), "a .zst input reads as its plain bytes");
        assertEquals(17, Files.readAllLines(direct).size());
        assertEquals("none", JSON.readTree(Files.readAllLines(direct).get(0)).get("explain").asText());
        assertEquals(ExitCodes.USAGE, CliRun.run("batch", SURVEY, "--output", direct.toString(), "--explain", "some").exitCode());
    }

    @Test
    void aCompressedInputCutShortExitsThreeNamingTheFile(@TempDir Path tmp) throws IOException {
        Path packed = tmp.resolve("survey.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(packed))) {
            Files.copy(Path.of(SURVEY), out);
        }
        byte[] bytes = Files.readAllBytes(packed);
        Files.write(packed, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = tmp.resolve("r.jsonl");
        CliRun r = CliRun.run("batch", packed.toString(), "--output", out.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertOneCleanLine(r);
        assertTrue(r.err().startsWith("twitch: " + packed + ": the gzip data is cut short or damaged"), r.err());
        assertFalse(Files.readAllLines(out).isEmpty(), "the records before the cut are kept");
    }
}

package org.twitchadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.FullDisk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A batch killed halfway or stopped by a full disk never leaves a results, errors or summary file that looks
 * complete: the files appear under their names only at the end, whole, and what a name held before stays
 * until then. Killed for real (SIGKILL, as a power cut would stop it) and with a disk that fills up.
 */
class CrashSafeOutputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OLD = "the previous run's results\n";

    /** Every file in the folder, hidden ones included. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Puts a full disk with {@code room} bytes under the files whose temporary name starts with {@code prefix}. */
    static BiFunction<Path, OutputStream, OutputStream> fullDiskUnder(String prefix, long room) {
        return (file, stream) -> file.getFileName().toString().startsWith(prefix) ? new FullDisk(stream, room) : stream;
    }

    /** A survey of {@code rows} valid respondents, made of the example survey's first rows. */
    static Path survey(Path dir, int rows) throws IOException {
        List<String> example = Files.readAllLines(Path.of(BatchCommandTest.SURVEY));
        List<String> lines = new ArrayList<>(List.of(example.get(0)));
        for (int i = 0; i < rows; i++) {
            lines.add(example.get(1 + i % 5).replaceFirst("^s-\\d+", "r" + i));
        }
        Path p = dir.resolve("survey.csv");
        Files.write(p, lines);
        return p;
    }

    @Test
    void aBatchKilledHalfwayLeavesNothingUnderTheFinalNames(@TempDir Path tmp) throws Exception {
        Path input = survey(tmp, 200_000);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path results = out.resolve("results.jsonl");
        Files.writeString(results, OLD);
        Process p = TwitchProcess.of("batch", input.toString(), "--output", results.toString(), "--summary",
                out.resolve("summary.json").toString(), "--threads", "1", "--quiet").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("twitch.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 90_000_000_000L;
            Path partial = null;
            while (partial == null && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                try (Stream<Path> files = Files.list(out)) {
                    partial = files.filter(f -> f.getFileName().toString().startsWith(".results.jsonl.tmp-"))
                            .filter(f -> f.toFile().length() > 0).findAny().orElse(null);
                }
            }
            assertTrue(partial != null && p.isAlive(), "no growing temporary file while the batch ran: "
                    + names(out) + "\n" + Files.readString(tmp.resolve("twitch.log")));
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the batch
            p.waitFor();
        }
        assertEquals(OLD, Files.readString(results), "the previous results stay until a run completes");
        List<String> left = names(out);
        assertFalse(left.contains("results.jsonl.errors.jsonl"), left.toString());
        assertFalse(left.contains("summary.json"), left.toString());
        assertTrue(left.stream().anyMatch(n -> n.startsWith(".results.jsonl.tmp-")), "the partial rows are in a hidden file");
    }

    @Test
    void aFullDiskUnderTheResultsLeavesNoHalfFileAndNamesIt(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results.jsonl");
        Files.writeString(results, OLD);
        CliRun r = CliRun.runWithFiles(fullDiskUnder(".results.jsonl.tmp-", 20_000), "batch", BatchCommandTest.SURVEY,
                "--output", results.toString(), "--summary", tmp.resolve("summary.json").toString());
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: " + results + ": cannot write the results: No space left on device\n", r.err());
        assertEquals(OLD, Files.readString(results));
        assertEquals(List.of("results.jsonl"), names(tmp), "no errors file, no summary, no temporary file left");
    }

    @Test
    void aDiskFullFromTheFirstByteLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results.csv");
        CliRun r = CliRun.runWithFiles(fullDiskUnder(".results.csv.tmp-", 0), "batch", BatchCommandTest.SURVEY,
                "--output", results.toString(), "--quiet");
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: " + results + ": cannot write the results: No space left on device\n", r.err());
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void aFullDiskUnderTheErrorsFileNamesItAndLeavesNoResults(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results.jsonl");
        CliRun r = CliRun.runWithFiles(fullDiskUnder(".results.jsonl.errors.jsonl.tmp-", 100), "batch", BatchCommandTest.SURVEY,
                "--output", results.toString(), "--quiet");
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: " + tmp.resolve("results.jsonl.errors.jsonl") + ": cannot write the errors file: No space left on device\n",
                r.err());
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void theRealDevFullAsTheErrorsFileLeavesNoResults(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is a Linux device");
        CliRun r = CliRun.run("batch", BatchCommandTest.SURVEY, "--output", tmp.resolve("results.jsonl").toString(),
                "--errors", "/dev/full", "--quiet");
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: /dev/full: cannot write the errors file: No space left on device\n", r.err());
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void aFullDiskUnderTheSummaryLeavesNoSummary(@TempDir Path tmp) throws IOException {
        Path summary = tmp.resolve("summary.json");
        Files.writeString(summary, "{\"complete\": true}\n");
        CliRun r = CliRun.runWithFiles(fullDiskUnder(".summary.json.tmp-", 500), "batch", BatchCommandTest.SURVEY,
                "--output", tmp.resolve("results.jsonl").toString(), "--summary", summary.toString(), "--quiet");
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: " + summary + ": cannot write the summary: No space left on device\n", r.err());
        // The results are whole and in place; no summary at all says this run's summary is missing.
        assertEquals(List.of("results.jsonl", "results.jsonl.errors.jsonl"), names(tmp));
        assertEquals(17, Files.readAllLines(tmp.resolve("results.jsonl")).size());
    }

    @Test
    void aCompleteRunSaysSoAndLeavesOnlyItsFiles(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results.jsonl");
        Files.writeString(results, OLD);
        CliRun r = CliRun.run("batch", BatchCommandTest.SURVEY, "--output", results.toString(), "--summary",
                tmp.resolve("summary.json").toString(), "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, r.exitCode(), r::toString);
        assertEquals(List.of("results.jsonl", "results.jsonl.errors.jsonl", "summary.json"), names(tmp));
        assertEquals(17, Files.readAllLines(results).size());
        assertEquals(3, Files.readAllLines(tmp.resolve("results.jsonl.errors.jsonl")).size());
        JsonNode s = JSON.readTree(tmp.resolve("summary.json").toFile());
        assertTrue(s.get("complete").asBoolean(), s.toString());
    }

    @Test
    void aBrokenCsvThatStopsReadingIsNotComplete(@TempDir Path tmp) throws IOException {
        Path broken = tmp.resolve("broken.csv");
        Files.writeString(broken, "respondent,diet\nr1,vegan\nr2,\"vegan\nr3,omnivore\n");
        CliRun r = CliRun.run("batch", broken.toString(), "--output", tmp.resolve("r.jsonl").toString(), "--summary",
                tmp.resolve("s.json").toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        JsonNode s = JSON.readTree(tmp.resolve("s.json").toFile());
        assertFalse(s.get("complete").asBoolean(), s.toString());
        assertEquals(1, Files.readAllLines(tmp.resolve("r.jsonl")).size(), "what came before the break is kept");
    }

    @Test
    void aFullDiskUnderTheCatalogueLeavesTheOldOne(@TempDir Path tmp) throws IOException {
        Path md = tmp.resolve("kb.md");
        Files.writeString(md, "the old catalogue\n");
        CliRun r = CliRun.runWithFiles(fullDiskUnder(".kb.md.tmp-", 1000), "rules", "list", "--format", "md",
                "--output", md.toString());
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: " + md + ": cannot write the catalogue: No space left on device\n", r.err());
        assertEquals(List.of("kb.md"), names(tmp));
        assertEquals("the old catalogue\n", Files.readString(md));
    }
}

package org.twitchadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twitch report} and {@code twitch batch --report}: the page where the user said, bad files named. */
class ReportCommandTest {

    @Test
    void batchWritesTheReportAndReportReadsTheResultsBack(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("r.jsonl.gz");
        Path page = tmp.resolve("batch.html");
        CliRun batch = CliRun.run("batch", BatchCommandTest.SURVEY, "--output", results.toString(), "--report",
                page.toString(), "--quiet");
        assertEquals(ExitCodes.ROWS_REJECTED, batch.exitCode(), batch.err());
        assertTrue(Files.readString(page).contains("<strong>17</strong> respondents assessed, <strong>3</strong>"));

        CliRun report = CliRun.run("report", results.toString());
        assertEquals(ExitCodes.OK, report.exitCode(), report.err());
        Path beside = tmp.resolve("r.jsonl.report.html");
        assertEquals("Report of 17 respondents and 3 rejected records: " + beside + "\n", report.err());
        assertTrue(Files.readString(beside).contains("records rejected"), "the errors file beside is found");

        CliRun toStdout = CliRun.run("report", results.toString(), "--output", "-");
        assertEquals(ExitCodes.OK, toStdout.exitCode(), toStdout.err());
        assertTrue(toStdout.out().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aFileThatIsNotResultsExitsThreeNamingFileAndLine(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("r.csv");
        assertEquals(ExitCodes.ROWS_REJECTED, CliRun.run("batch", BatchCommandTest.SURVEY, "--output", csv.toString(),
                "--quiet").exitCode());
        CliRun r = CliRun.run("report", csv.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        BatchCommandTest.assertOneCleanLine(r);
        assertTrue(r.err().startsWith("twitch: " + csv + ":1: not a result of twitch batch"), r.err());
        CliRun missing = CliRun.run("report", tmp.resolve("nope.jsonl").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        BatchCommandTest.assertOneCleanLine(missing);
        assertEquals(ExitCodes.USAGE, CliRun.run("batch", BatchCommandTest.SURVEY, "--output", csv.toString(),
                "--report", csv.toString()).exitCode(), "the report cannot overwrite the results");
    }
}

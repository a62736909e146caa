package org.twitchadvisor.cli;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.FullDisk;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every command notices when standard output cannot be written (a full disk, a closed pipe): exit code 7 and
 * one line saying so, never the exit code of a job done. In-process with a stream that fails like a full disk,
 * and as a process of its own with the real {@code /dev/full} and a pipe nobody reads.
 */
class StandardOutputFailureTest {
    static final String EXAMPLE = AssessCommandTest.EXAMPLE;
    static final File DEV_FULL = new File("/dev/full");

    static void assertCannotWriteStandardOutput(CliRun r) {
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: cannot write to standard output: No space left on device\n", r.err());
    }

    @ParameterizedTest(name = "full after {0} bytes")
    @ValueSource(ints = {0, 100, 5000})
    void assessOnAFullDisk(int room) {
        FullDisk disk = FullDisk.inMemory(room);
        assertCannotWriteStandardOutput(CliRun.runWithStdout(disk, "assess", EXAMPLE));
        assertEquals(room, disk.taken().length);
    }

    @Test
    void assessWritesAllOfItWhenThereIsRoom() {
        FullDisk disk = FullDisk.inMemory(1 << 20);
        CliRun r = CliRun.runWithStdout(disk, "assess", EXAMPLE, "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(new String(disk.taken()).contains("\"respondent\" : \"vegan-runner\""));
    }

    @Test
    void rulesCommandsAndHelpOnAFullDisk() {
        assertCannotWriteStandardOutput(CliRun.runWithStdout(FullDisk.inMemory(0), "rules", "list"));
        assertCannotWriteStandardOutput(CliRun.runWithStdout(FullDisk.inMemory(10_000), "rules", "list", "--format", "csv"));
        assertCannotWriteStandardOutput(CliRun.runWithStdout(FullDisk.inMemory(0), "rules", "check", "--cases", "facts/cases/claims"));
        assertCannotWriteStandardOutput(CliRun.runWithStdout(FullDisk.inMemory(0), "--help"));
        assertCannotWriteStandardOutput(CliRun.runWithStdout(FullDisk.inMemory(0), "batch", "--help"));
    }

    @Test
    void batchResultsOnAFullStandardOutputAreNamed(@TempDir Path tmp) {
        CliRun r = CliRun.runWithStdout(FullDisk.inMemory(1000), "batch", BatchCommandTest.SURVEY, "--output", "-",
                "--errors", tmp.resolve("errors.jsonl").toString(), "--quiet");
        assertEquals(ExitCodes.CANNOT_WRITE, r.exitCode(), r::toString);
        assertEquals("twitch: standard output: cannot write the results: No space left on device\n", r.err());
    }

    @Test
    void systemOutThatSwallowsTheFailureIsAskedForIt() {
        // System.out is a PrintStream: it never throws, it only remembers. Embedders and tests run through it.
        PrintStream out = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(FullDisk.inMemory(10), true));
            System.setErr(new PrintStream(err, true));
            assertEquals(ExitCodes.CANNOT_WRITE, TwitchCli.run("assess", EXAMPLE));
        } finally {
            System.setOut(out);
            System.setErr(stderr);
        }
        assertEquals("twitch: cannot write to standard output: the stream reported an error\n", err.toString());
    }

    @Test
    void aSummaryOrCatalogueThatCannotBeWrittenIsNamed(@TempDir Path tmp) {
        Path nowhere = tmp.resolve("no-such-folder");
        CliRun summary = CliRun.run("batch", BatchCommandTest.SURVEY, "--output", tmp.resolve("r.jsonl").toString(),
                "--summary", nowhere.resolve("s.json").toString(), "--quiet");
        assertEquals(ExitCodes.CANNOT_WRITE, summary.exitCode(), summary::toString);
        assertEquals("twitch: " + nowhere.resolve("s.json") + ": cannot write the summary: no such file or folder\n",
                summary.err());
        CliRun list = CliRun.run("rules", "list", "--output", nowhere.resolve("kb.md").toString());
        assertEquals(ExitCodes.CANNOT_WRITE, list.exitCode(), list::toString);
        assertEquals("twitch: " + nowhere.resolve("kb.md") + ": cannot write the catalogue: no such file or folder\n",
                list.err());
    }

    @Test
    void aProcessWritingToDevFullExitsSeven() throws Exception {
        assumeTrue(DEV_FULL.exists(), "/dev/full is a Linux device");
        for (String[] args : new String[][] {{"assess", EXAMPLE}, {"batch", BatchCommandTest.SURVEY, "--output", "-",
                "--errors", "/dev/null", "--quiet"}}) {
            Process p = TwitchProcess.of(args).redirectOutput(DEV_FULL).start();
            String err = TwitchProcess.stderr(p);
            assertEquals(ExitCodes.CANNOT_WRITE, TwitchProcess.await(p), err);
            assertTrue(err.equals("twitch: cannot write to standard output: No space left on device\n")
                    || err.equals("twitch: standard output: cannot write the results: No space left on device\n"), err);
        }
    }

    @Test
    void aProcessWritingToAPipeNobodyReadsExitsSeven() throws Exception {
        Process p = TwitchProcess.of("rules", "list").start();
        // Closed before the JVM has even compiled the rules, so every write finds the pipe broken.
        p.getInputStream().close();
        String err = TwitchProcess.stderr(p);
        assertEquals(ExitCodes.CANNOT_WRITE, TwitchProcess.await(p), err);
        assertEquals("twitch: cannot write to standard output: Broken pipe\n", err);
        assertFalse(err.contains("Exception"), err);
    }
}

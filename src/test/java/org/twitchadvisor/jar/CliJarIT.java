package org.twitchadvisor.jar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code target/twitch.jar} alone, copied into an empty folder, is the whole command line: it assesses an
 * example, checks and tests its bundled rules, and copies rules with their cases that then check and test
 * cleanly there. Run by {@code mvn verify} after packaging (failsafe).
 */
class CliJarIT {
    @TempDir
    static Path empty;

    @BeforeAll
    static void onlyTheJar() throws IOException {
        Files.copy(Path.of("target/twitch.jar"), empty.resolve("twitch.jar"));
        Files.copy(Path.of("facts/examples/vegan-runner.json"), empty.resolve("answers.json"));
    }

    @Test
    void assessesAQuestionnaire() throws Exception {
        Run r = twitch("assess", "answers.json");
        assertEquals(0, r.exitCode, r.output);
        assertTrue(r.output.contains("Triage: SELF-CARE"), r.output);
        assertTrue(r.output.contains("[deficiency] Likely low calcium"), r.output);
    }

    @Test
    void checksAndTestsTheBundledRules() throws Exception {
        Run check = twitch("rules", "check");
        assertEquals(0, check.exitCode, check.output);
        assertTrue(check.output.contains("rules in the bundled rules, no errors, 0 warnings"), check.output);
        Run test = twitch("rules", "test");
        assertEquals(0, test.exitCode, test.output);
        assertTrue(test.output.matches("(?s).*twitch: \\d+ cases, \\d+ passed, 0 failed.*"), test.output);
    }

    @Test
    void rulesInitGivesAFolderThatChecksAndTests() throws Exception {
        Run init = twitch("rules", "init", "my-rules");
        assertEquals(0, init.exitCode, init.output);
        Run check = twitch("rules", "check", "my-rules");
        assertEquals(0, check.exitCode, check.output);
        assertTrue(check.output.contains("in my-rules, no errors, 0 warnings"), check.output);
        Run test = twitch("rules", "test", "my-rules");
        assertEquals(0, test.exitCode, test.output);
        assertTrue(test.output.contains("PASS  my-rules/cases/"), test.output);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run twitch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", "twitch.jar"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(empty.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("twitch " + String.join(" ", args) + " did not end within two minutes");
        }
        return new Run(p.exitValue(), output);
    }
}

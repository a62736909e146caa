package org.twitchadvisor.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line run as a process of its own, as a shell runs it, on the classes the tests run on. */
final class TwitchProcess {
    private TwitchProcess() {
    }

    /** @return a process builder for {@code twitch args...}, in the project folder, standard error captured apart */
    static ProcessBuilder of(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived JVM starts quicker on the first compiler tier only; two cores are shared with the tests.
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TwitchCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")));
    }

    /**
     * Waits for a process to end.
     *
     * @return its exit code
     */
    static int await(Process p) throws IOException, InterruptedException {
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("twitch did not end within two minutes");
        }
        return p.exitValue();
    }

    /** @return everything the process wrote to standard error (it must have ended or be ending) */
    static String stderr(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

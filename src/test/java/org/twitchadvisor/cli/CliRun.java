package org.twitchadvisor.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/** Runs the command line in-process, capturing standard output and error. */
record CliRun(int exitCode, String out, String err) {

    /** @return standard output, line by line */
    List<String> lines() {
        return out.lines().toList();
    }

    static CliRun run(String... args) {
        return runWithInput("", args);
    }

    /**
     * Runs the command line with standard output going to {@code stdout} (as the jar's {@code main} gives it the
     * process's own), capturing standard error; {@code out} is empty.
     */
    static synchronized CliRun runWithStdout(OutputStream stdout, String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = TwitchCli.run(stdout, args);
            return new CliRun(code, "", e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    /**
     * Runs the command line with each file it writes passed through {@code files} (a test puts a full disk under
     * one), capturing standard output and error.
     */
    static synchronized CliRun runWithFiles(BiFunction<Path, OutputStream, OutputStream> files, String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = TwitchCli.run(o, files, args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    static synchronized CliRun runWithInput(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = TwitchCli.run(args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }
}

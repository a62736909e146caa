package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.TwitchAdvisorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Entry point of {@code java -jar twitch.jar}. Subcommands parse options and delegate to the library;
 * every failure the user can fix ends in one plain line on standard error and a documented exit code
 * (see {@link ExitCodes}), never a stack trace.
 */
@Command(name = "twitch", mixinStandardHelpOptions = true, version = "Twitch Advisor 0.1.0",
        description = "Which nutrient deficiency or habit may explain muscle twitching, why, and what to do.",
        subcommands = {AssessCommand.class, InterviewCommand.class, RulesCommand.class, BatchCommand.class,
                ReportCommand.class, WhatIfCommand.class, WhyNotCommand.class, ServeCommand.class},
        exitCodeListHeading = "%nExit codes (each command's --help says which it uses):%n",
        exitCodeList = {"0:done", "1:internal error (a bug)", "2:wrong command line", "3:bad input",
                "4:the rules folder is invalid", "5:batch: some records were rejected", "6:rules test: some cases failed",
                "7:output cannot be written (standard output or a file: disk full, closed pipe, no permission)"})
public final class TwitchCli {
    private final StandardOutput stdout;
    private final BiFunction<Path, OutputStream, OutputStream> files;

    private TwitchCli(StandardOutput stdout, BiFunction<Path, OutputStream, OutputStream> files) {
        this.stdout = stdout;
        this.files = files;
    }

    /** @return standard output, for a command that writes bytes rather than text ({@code batch --output -}) */
    StandardOutput standardOutput() {
        return stdout;
    }

    /** @return the stream a command writes {@code file} through: {@code stream} itself, except in tests */
    OutputStream fileStream(Path file, OutputStream stream) {
        return files.apply(file, stream);
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // The process's own standard output, not System.out: a failed write then says why (disk full, broken pipe).
        System.exit(run(new FileOutputStream(FileDescriptor.out), args));
    }

    private static void quietByDefault(String property, String level) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return run(System.out, args);
    }

    /**
     * Runs the command line with another standard output.
     *
     * @param out where standard output goes; flushed, not closed
     * @param args the arguments
     * @return the exit code: {@link ExitCodes#CANNOT_WRITE} when writing to {@code out} failed, whatever the command
     */
    static int run(OutputStream out, String... args) {
        return run(out, (file, stream) -> stream, args);
    }

    /**
     * Runs the command line with another standard output, and each file it writes passed through {@code files},
     * which lets a test put a full disk under one of them.
     */
    static int run(OutputStream out, BiFunction<Path, OutputStream, OutputStream> files, String... args) {
        // The CLI's own logging default: quiet unless something is wrong. Set before Drools makes a logger;
        // embedders of the library keep whatever their own binding says.
        quietByDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Drools logs the build errors it also returns; the CLI prints them once, in plain words.
        quietByDefault("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject", "off");
        StandardOutput stdout = new StandardOutput(out);
        CommandLine cli = new CommandLine(new TwitchCli(stdout, files));
        // Flushed at each line, as picocli does, so standard output and error keep their order on a terminal.
        PrintWriter text = new PrintWriter(new OutputStreamWriter(stdout, stdoutCharset()), true);
        cli.setOut(text);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidRulesException rules) {
                for (RuleProblem p : rules.problems()) {
                    cmd.getErr().println(p);
                }
                int n = rules.problems().size();
                cmd.getErr().println("twitch: the rules cannot be used (" + n + (n == 1 ? " problem)" : " problems)"));
                return ExitCodes.BAD_RULES;
            }
            if (e instanceof TwitchAdvisorException) {
                cmd.getErr().println("twitch: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            cmd.getErr().println("twitch: internal error, please report it: " + e);
            return ExitCodes.INTERNAL;
        });
        int code = cli.execute(args);
        text.flush();
        IOException failure = stdout.failure();
        if (failure != null && code != ExitCodes.CANNOT_WRITE) {
            // A command that noticed reported it itself (batch names what it was writing); the others end here.
            cli.getErr().println("twitch: cannot write to standard output: " + failure.getMessage());
            cli.getErr().flush();
            return ExitCodes.CANNOT_WRITE;
        }
        return code;
    }

    /** The encoding picocli would have used for standard output. */
    private static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}

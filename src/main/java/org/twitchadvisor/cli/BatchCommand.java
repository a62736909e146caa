package org.twitchadvisor.cli;

import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.batch.BatchOptions;
import org.twitchadvisor.batch.BatchRunner;
import org.twitchadvisor.batch.BatchSummary;
import org.twitchadvisor.batch.Compression;
import org.twitchadvisor.batch.PopulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code twitch batch INPUT --output FILE}: a whole survey in, one result or one error record per respondent out. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Assess every questionnaire of a survey: a CSV file (header = question ids), a JSON Lines"
                + " file, or a folder of JSON files; - reads standard input.",
                "Results are written in input order; every record gives one result or one error record."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was assessed", "5:some records were rejected (see the errors file)",
                "2:wrong command line", "3:unreadable input, unusable CSV header or broken CSV structure",
                "4:the rules folder is invalid", "7:the results, errors or summary cannot be written (the message"
                + " names which and where: a file, or standard output)", "1:internal error (a bug)"})
public final class BatchCommand implements Callable<Integer> {
    /** Output formats, as typed on the command line. */
    enum Format { jsonl, csv }

    /** Explanation levels, as typed on the command line. */
    enum Explain { full, summary, none }

    /** Input formats for standard input or a file whose name does not tell. */
    enum InputFormat { csv, jsonl }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TwitchCli twitch;

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "A .csv or .jsonl file, a folder of .json files, or - for standard input.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "Where the results go; - for standard output. A name ending in .gz or .zst is compressed"
                    + " (gzip, Zstandard).")
    String output;

    @Option(names = "--explain", paramLabel = "LEVEL", defaultValue = "full",
            description = "How much explanation each JSON Lines result keeps: full (the whole derivation trees, the"
                    + " output contract; default), summary (the rules and answers of each finding, no trees) or none"
                    + " (no because). CSV results are the same at every level.")
    Explain explain;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Where the error records go (JSON Lines). Default: next to the output, its name (without"
                    + " .gz or .zst) and .errors.jsonl: results.csv.errors.jsonl; standard error when the output is -.")
    String errors;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl (one assessment per line) or csv (one row per respondent). Default: csv when the"
                    + " output ends in .csv, else jsonl.")
    Format format;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "csv or jsonl, when the input's name does not tell (standard input is guessed: JSON Lines"
                    + " when it starts with {).")
    InputFormat inputFormat;

    @Option(names = "--threads", paramLabel = "N", description = "Questionnaires assessed at once. Default: the number of cores.")
    Integer threads;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    Path summaryFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a population report (HTML with charts, see twitch report) of this batch, counted"
                    + " as the results stream: no second pass.")
    String reportFile;

    @Option(names = "--ignore-unknown-columns",
            description = "Drop CSV columns that are not question ids instead of refusing the file.")
    boolean ignoreUnknownColumns;

    @Option(names = "--quiet", description = "No progress and no summary on standard error; only fatal problems.")
    boolean quiet;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        BatchOptions options = options(err);
        Path inputPath = input.equals("-") ? null : Path.of(input);
        if (inputPath != null && !Files.exists(inputPath)) {
            err.println("twitch: " + input + ": no such file or folder");
            return ExitCodes.BAD_INPUT;
        }
        String errorsTarget = errors != null ? errors : defaultErrors(output);
        checkTargets(inputPath, errorsTarget);
        TwitchAdvisor advisor = rules.advisor();
        PopulationReport report = reportFile == null ? null : new PopulationReport(advisor);
        BatchRunner runner = new BatchRunner(advisor, options.withReport(report));
        BatchSummary summary;
        try (Output out = Output.open(output, "the results", twitch, true);
             Output errorOut = errorsTarget == null ? Output.standardError(err, "the errors")
                     : Output.open(errorsTarget, "the errors file", twitch, false)) {
            summary = inputPath == null ? runner.run(System.in, "-", out.stream(), errorOut.stream())
                    : runner.run(inputPath, out.stream(), errorOut.stream());
            if (summaryFile != null && Files.isRegularFile(summaryFile, LinkOption.NOFOLLOW_LINKS)) {
                // Stopped between two renames, this leaves no summary, rather than the last run's beside new files.
                try {
                    Files.delete(summaryFile);
                } catch (IOException e) {
                    throw new CannotWrite(summaryFile.toString(), "the summary", e);
                }
            }
            errorOut.commit();
            out.commit();
        } catch (TwitchAdvisorException e) {
            clearProgress(err, options);
            err.println("twitch: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            // Every output is named (see Output), so the message says which one failed and where.
            clearProgress(err, options);
            err.println("twitch: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        clearProgress(err, options);
        if (summaryFile != null) {
            try (Output s = Output.open(summaryFile.toString(), "the summary", twitch, false)) {
                s.stream().write((summary.toJson() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                s.commit();
            } catch (IOException e) {
                err.println("twitch: " + e.getMessage());
                return ExitCodes.CANNOT_WRITE;
            }
        }
        if (report != null) {
            try (Output r = Output.open(reportFile, "the report", twitch, false)) {
                report.writeHtml(input, r.stream());
                r.commit();
            } catch (IOException e) {
                err.println("twitch: " + e.getMessage());
                return ExitCodes.CANNOT_WRITE;
            }
        }
        if (!quiet) {
            err.print(summary.toText());
            if (summary.rejected() > 0) {
                err.printf(Locale.ROOT, "%,d rejected record%s: see %s%n", summary.rejected(),
                        summary.rejected() == 1 ? "" : "s", errorsTarget == null ? "the error records above" : errorsTarget);
            }
        }
        if (summary.stoppedBy() != null) {
            err.println("twitch: " + input + ": " + summary.stoppedBy());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.flush();
        return summary.rejected() > 0 ? ExitCodes.ROWS_REJECTED : ExitCodes.OK;
    }

    private BatchOptions options(PrintWriter err) {
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        BatchOptions options = BatchOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (inputFormat != null) {
            options = options.withInputFormat(inputFormat == InputFormat.csv ? BatchOptions.InputFormat.CSV
                    : BatchOptions.InputFormat.JSON_LINES);
        } else if (!input.equals("-") && Files.isRegularFile(Path.of(input))
                && BatchOptions.InputFormat.of(Path.of(input)) == null) {
            throw new ParameterException(spec.commandLine(), "cannot tell the format of '" + input
                    + "' from its name: use --input-format csv or --input-format jsonl");
        }
        boolean csvOut = format != null ? format == Format.csv
                : Compression.of(output).strip(output).toLowerCase(Locale.ROOT).endsWith(".csv");
        options = options.withOutputFormat(csvOut ? BatchOptions.OutputFormat.CSV : BatchOptions.OutputFormat.JSONL)
                .withIgnoreUnknownColumns(ignoreUnknownColumns)
                .withExplain(BatchOptions.Explain.valueOf(explain.name().toUpperCase(Locale.ROOT)))
                .withCompression(Compression.of(output));
        // Progress only for a person watching: a terminal, not asked to be quiet, and not sharing it with errors.
        if (!quiet && System.console() != null && !(errors == null && output.equals("-"))) {
            options = options.withProgress(Duration.ofSeconds(1), p -> {
                err.print("\r" + p.toText() + "    ");
                err.flush();
            });
        }
        return options;
    }

    /** Refuses to overwrite the input, or to write two things into one file. */
    private void checkTargets(Path inputPath, String errorsTarget) {
        Path out = output.equals("-") ? null : Path.of(output).toAbsolutePath().normalize();
        boolean errorsToStdout = "-".equals(errorsTarget);
        Path errs = errorsTarget == null || errorsToStdout ? null : Path.of(errorsTarget).toAbsolutePath().normalize();
        Path in = inputPath == null ? null : inputPath.toAbsolutePath().normalize();
        Path summary = summaryFile == null ? null : summaryFile.toAbsolutePath().normalize();
        if ((out == null && errorsToStdout) || (out != null && out.equals(errs))) {
            throw new ParameterException(spec.commandLine(), "the results and the errors cannot go to the same place ("
                    + output + "); choose another --errors FILE");
        }
        if (in != null && (in.equals(out) || in.equals(errs) || in.equals(summary))) {
            throw new ParameterException(spec.commandLine(), "refusing to overwrite the input " + input);
        }
        if (summary != null && (summary.equals(out) || summary.equals(errs))) {
            throw new ParameterException(spec.commandLine(), "--summary must name a file of its own");
        }
        Path report = reportFile == null || reportFile.equals("-") ? null : Path.of(reportFile).toAbsolutePath().normalize();
        if (report != null && (report.equals(out) || report.equals(errs) || report.equals(summary) || report.equals(in))) {
            throw new ParameterException(spec.commandLine(), "--report must name a file of its own");
        }
        if ("-".equals(reportFile) && (out == null || errorsToStdout)) {
            throw new ParameterException(spec.commandLine(), "--report - and the results or errors cannot both go to"
                    + " standard output");
        }
    }

    /**
     * The errors file of an output: its name without a compression extension, then {@code .errors.jsonl}, in the
     * same folder ({@code results.jsonl.gz} gives {@code results.jsonl.errors.jsonl}), so the results of each
     * format have their own; {@code null}, standard error, when the output is standard output.
     */
    static String defaultErrors(String output) {
        if (output.equals("-")) {
            return null;
        }
        Path p = Path.of(output);
        String name = p.getFileName().toString();
        return p.resolveSibling(Compression.of(name).strip(name) + ".errors.jsonl").toString();
    }

    private void clearProgress(PrintWriter err, BatchOptions options) {
        if (options.progress() != null) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}

package org.twitchadvisor.cli;

import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.batch.Compression;
import org.twitchadvisor.batch.PopulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code twitch report RESULTS}: a batch's results in, one self-contained HTML page with charts out. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a population report of a batch's results: triage levels, findings and their levels,"
                + " score distributions, findings that occur together, rules fired most and never, rejected records"
                + " by reason. One HTML file with its charts inside; it opens offline."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report is written", "2:wrong command line",
                "3:a file cannot be read or is not what twitch batch writes (the message names the file and line)",
                "4:the rules folder is invalid", "7:the report cannot be written", "1:internal error (a bug)"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TwitchCli twitch;

    @Parameters(index = "0", paramLabel = "RESULTS",
            description = "The results of twitch batch (JSON Lines at any --explain level; .gz and .zst too), or its"
                    + " --summary file.")
    Path results;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "The batch's errors file, for the reasons of rejected records. Default: the one next to the"
                    + " results (RESULTS without .gz or .zst, then .errors.jsonl), when it exists.")
    Path errors;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where the page goes; - for standard output. Default: next to the results, RESULTS without"
                    + " .gz or .zst, then .report.html.")
    String output;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(results)) {
            err.println("twitch: " + results + ": no such file");
            return ExitCodes.BAD_INPUT;
        }
        Path errorsFile = errors != null ? errors : besideResults(".errors.jsonl");
        if (errors == null && !Files.isRegularFile(errorsFile)) {
            errorsFile = null;
        }
        String target = output != null ? output : besideResults(".report.html").toString();
        PopulationReport report;
        try {
            report = PopulationReport.read(rules.advisor(), results, errorsFile);
        } catch (TwitchAdvisorException e) {
            err.println("twitch: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (Output out = Output.open(target, "the report", twitch, false)) {
            report.writeHtml(results.toString(), out.stream());
            out.commit();
        } catch (IOException e) {
            err.println("twitch: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        if (!target.equals("-")) {
            err.printf(Locale.ROOT, "Report of %,d respondents and %,d rejected records: %s%n", report.assessed(),
                    report.rejected(), target);
        }
        err.flush();
        return ExitCodes.OK;
    }

    private Path besideResults(String suffix) {
        String name = results.getFileName().toString();
        return results.resolveSibling(Compression.of(name).strip(name) + suffix);
    }
}

package org.twitchadvisor.cli;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code twitch assess FILE}: one questionnaire in, its explained assessment out. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess one questionnaire (a JSON object; - reads standard input).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:assessed", "2:wrong command line", "3:unreadable file, invalid JSON or a bad answer",
                "4:the rules folder is invalid", "7:standard output cannot be written (disk full, closed pipe)",
                "1:internal error (a bug)"})
public final class AssessCommand implements Callable<Integer> {
    /** Output formats of a single assessment. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The questionnaire as JSON, or - for standard input.")
    String file;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json (the output contract).")
    Format format;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Bytes, not text: the library decodes them and names a byte that is not UTF-8, where Java would say
        // "Input length = 1".
        byte[] text;
        try {
            text = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("twitch: " + file + ": no such file");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("twitch: " + file + ": cannot read: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        TwitchAdvisor advisor = rules.advisor();
        Questionnaire q;
        try {
            q = advisor.readJson(text);
        } catch (InvalidQuestionnaireException e) {
            for (Problem p : e.problems()) {
                err.println("twitch: " + file + ": " + p.message());
            }
            return ExitCodes.BAD_INPUT;
        }
        if (q.respondent() == null && !file.equals("-")) {
            // A file with no respondent id is named after the file, so the output says whose it is.
            String name = Path.of(file).getFileName().toString().replaceFirst("\\.json$", "");
            q = new Questionnaire(name, q.answers());
        }
        Assessment a = advisor.assess(q);
        out.print(format == Format.json ? advisor.toPrettyJson(a) + System.lineSeparator() : advisor.toText(a));
        out.flush();
        return ExitCodes.OK;
    }
}

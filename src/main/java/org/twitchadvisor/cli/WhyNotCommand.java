package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.WhyNot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code twitch whynot FILE SUBJECT}: the rules that could conclude a subject, and which conditions stopped them. */
@Command(name = "whynot", mixinStandardHelpOptions = true,
        description = "Why a subject (magnesium, caffeine, paralysis, ...) was not found, or not higher: every rule "
                + "that could conclude it, with its conditions met, failed and still unknown.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:wrong command line", "3:unreadable file, invalid JSON, a bad answer, or "
                + "an unknown subject", "4:the rules folder is invalid",
                "7:standard output cannot be written (disk full, closed pipe)", "1:internal error (a bug)"})
public final class WhyNotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    QuestionnaireFile input;

    @Parameters(index = "1", paramLabel = "SUBJECT", description = "A finding subject, as in rules/data/subjects.csv.")
    String subject;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        QuestionnaireFile.Loaded in = input.load(err);
        if (in == null) {
            return ExitCodes.BAD_INPUT;
        }
        WhyNot w;
        try {
            w = in.advisor().whyNot(in.questionnaire(), subject);
        } catch (InvalidQuestionnaireException e) {
            QuestionnaireFile.problems("whynot", e, err);
            return ExitCodes.BAD_INPUT;
        }
        input.print(spec.commandLine().getOut(), in.advisor().toPrettyJson(w), in.advisor().toText(w));
        return ExitCodes.OK;
    }
}

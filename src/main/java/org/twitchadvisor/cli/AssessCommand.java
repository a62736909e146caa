package org.twitchadvisor.cli;

import org.twitchadvisor.Assessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code twitch assess FILE}: one questionnaire in, its explained assessment out. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess one questionnaire (a JSON object; - reads standard input).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:assessed", "2:wrong command line", "3:unreadable file, invalid JSON or a bad answer",
                "4:the rules folder is invalid", "7:standard output cannot be written (disk full, closed pipe)",
                "1:internal error (a bug)"})
public final class AssessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    QuestionnaireFile input;

    @Override
    public Integer call() {
        QuestionnaireFile.Loaded in = input.load(spec.commandLine().getErr());
        if (in == null) {
            return ExitCodes.BAD_INPUT;
        }
        Assessment a = in.advisor().assess(in.questionnaire());
        input.print(spec.commandLine().getOut(), in.advisor().toPrettyJson(a), in.advisor().toText(a));
        return ExitCodes.OK;
    }
}

package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code twitch whatif FILE --set q=v --unset q}: what changes when some answers change. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = "Assess a questionnaire as given and with some answers changed or removed, and show what changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared", "2:wrong command line", "3:unreadable file, invalid JSON, or a bad answer in "
                + "the file or in --set/--unset", "4:the rules folder is invalid",
                "7:standard output cannot be written (disk full, closed pipe)", "1:internal error (a bug)"})
public final class WhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    QuestionnaireFile input;

    @Option(names = "--set", paramLabel = "QUESTION=VALUE", mapFallbackValue = "",
            description = "Answer QUESTION with VALUE instead (repeatable). Values as in a CSV cell: yes/no, a number, "
                    + "any-of values joined by ; (cramps;spasms), none; an empty VALUE removes the answer.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--unset", paramLabel = "QUESTION", description = "Remove the answer to QUESTION (repeatable).")
    List<String> unset = List.of();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        QuestionnaireFile.Loaded in = input.load(err);
        if (in == null) {
            return ExitCodes.BAD_INPUT;
        }
        WhatIf w;
        try {
            w = in.advisor().whatIf(in.questionnaire(), set, new LinkedHashSet<>(unset));
        } catch (InvalidQuestionnaireException e) {
            QuestionnaireFile.problems("--set/--unset", e, err);
            return ExitCodes.BAD_INPUT;
        }
        input.print(spec.commandLine().getOut(), in.advisor().toPrettyJson(w), in.advisor().toText(w));
        return ExitCodes.OK;
    }
}

package org.twitchadvisor.cli;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Consultation;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.NextQuestion;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.StopRule;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.text.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code twitch interview}: a consultation in the terminal, one question at a time, asking only what can still change
 * the result (the library decides, see {@link TwitchAdvisor#consultation}). This command keeps the answers, turns what
 * is typed into an answer cell the library validates, and prints what the library returns.
 */
@Command(name = "interview", mixinStandardHelpOptions = true,
        description = {"Answer the questions one at a time; only questions whose answer could still change the result "
                + "are asked, most urgent first. At a question type a number (any-of: 1,3 or none) or the value, "
                + "? for why it is asked, skip, back or quit. Afterwards: how N shows how finding N was concluded, "
                + "whynot SUBJECT why a subject was not found, whatif question=value the result with an answer changed.",
                "Reads standard input, so answers can be piped in, one per line; the end of the input ends the "
                        + "interview with what was answered."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (also when ended early)", "2:wrong command line",
                "3:the --answers file cannot be read or has a bad answer", "4:the rules folder is invalid",
                "7:output or the --save file cannot be written", "1:internal error (a bug)"})
public final class InterviewCommand implements Callable<Integer> {
    /** The stop rules as the command line names them. */
    enum Stop {
        all(StopRule.ALL_FINDINGS), decisive(StopRule.DECISIVE);

        final StopRule rule;

        Stop(StopRule rule) {
            this.rule = rule;
        }
    }

    private static final String COMMANDS = "? (why is this asked), skip, back, quit";
    /** Lines are wrapped for an 80-column terminal, the narrowest in common use. */
    private static final int WIDTH = 79;

    @Spec
    CommandSpec spec;

    @Option(names = "--answers", paramLabel = "FILE", description = "Start from the answers in this questionnaire (JSON).")
    Path answersFile;

    @Option(names = "--save", paramLabel = "FILE", description = "Write the answers as questionnaire JSON (for assess "
            + "and batch) when the interview ends.")
    Path saveFile;

    @Option(names = "--stop", defaultValue = "all", paramLabel = "RULE", description = "When to stop: all (default; when "
            + "no answer could change the triage or any finding) or decisive (sooner: when no answer could change the "
            + "triage or a likely, confirmed or ruled-out finding).")
    Stop stop;

    @Mixin
    RulesOption rules;

    private TwitchAdvisor advisor;
    private PrintWriter out;
    private BufferedReader in;
    private String respondent;
    private final Map<String, Object> answers = new LinkedHashMap<>();
    private final Set<String> skipped = new HashSet<>();
    /** Questions answered or skipped in this interview, latest first: what {@code back} undoes. */
    private final Deque<String> history = new ArrayDeque<>();

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        advisor = rules.advisor();
        if (answersFile != null) {
            try {
                Questionnaire start = advisor.readJson(Files.readAllBytes(answersFile));
                respondent = start.respondent();
                answers.putAll(start.answers());
            } catch (NoSuchFileException e) {
                err.println("twitch: " + answersFile + ": no such file");
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err.println("twitch: " + answersFile + ": cannot read: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (InvalidQuestionnaireException e) {
                for (Problem p : e.problems()) {
                    err.println("twitch: " + answersFile + ": " + p.message());
                }
                return ExitCodes.BAD_INPUT;
            }
        }
        in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("Twitch Advisor interview. Only questions whose answer could still change the result are asked.");
        out.println("At each question: type the number or the value, or " + COMMANDS + ".");
        if (!answers.isEmpty()) {
            out.println("Starting from " + answers.size() + " answers in " + answersFile + ".");
        }
        boolean more = true;
        while (more) {
            Consultation step = ask();
            more = step != null && afterwards(step);
        }
        return save(err);
    }

    private Questionnaire questionnaire() {
        return new Questionnaire(respondent, answers);
    }

    /**
     * Asks until nothing can change the result, or the person quits or the input ends.
     *
     * @return the last step, or {@code null} when the input ended
     */
    private Consultation ask() throws IOException {
        while (true) {
            Consultation step = advisor.consultation(questionnaire(), skipped, stop.rule);
            if (step.stop()) {
                out.println();
                out.println("Nothing you could still answer would change the result.");
                results(step.assessment());
                return step;
            }
            NextQuestion q = step.next().get(0);
            show(q);
            Action action = read(q);
            if (action == Action.END) {
                out.println();
                out.println("End of input: the result of the answers so far.");
                results(step.assessment());
                return null;
            }
            if (action == Action.QUIT) {
                results(step.assessment());
                return step;
            }
        }
    }

    private enum Action { NEXT, QUIT, END }

    /** Reads one answer or command for a question; a bad value is explained and asked again. */
    private Action read(NextQuestion q) throws IOException {
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                return Action.END;
            }
            String typed = line.trim();
            switch (typed.toLowerCase(Locale.ROOT)) {
                case "" -> out.println("Please answer, or type " + COMMANDS + ".");
                case "?", "why" -> out.println(bullets(q.why()));
                case "skip" -> {
                    skipped.add(q.question());
                    history.push(q.question());
                    return Action.NEXT;
                }
                case "back" -> {
                    if (back()) {
                        return Action.NEXT;
                    }
                }
                case "quit", "exit" -> {
                    return Action.QUIT;
                }
                default -> {
                    if (answer(q, typed)) {
                        history.push(q.question());
                        return Action.NEXT;
                    }
                }
            }
        }
    }

    /** Undoes the latest answer or skip; says so when there is none. */
    private boolean back() {
        String last = history.poll();
        if (last == null) {
            out.println("There is no answer of this interview to go back to.");
            return false;
        }
        answers.remove(last);
        skipped.remove(last);
        out.println("Back to '" + last + "': your answer to it is taken back.");
        return true;
    }

    /** Takes the typed answer if the library accepts it, else prints why not and what is allowed. */
    private boolean answer(NextQuestion q, String typed) {
        String cell = cell(q, typed);
        try {
            Questionnaire one = advisor.fromCsvCells(Map.of(q.question(), cell));
            Object value = one.answers().get(q.question());
            if (value == null) {
                out.println("Please answer, or type " + COMMANDS + ".");
                return false;
            }
            answers.put(q.question(), value);
            return true;
        } catch (InvalidQuestionnaireException e) {
            for (Problem p : e.problems()) {
                say(p.message() + ".");
            }
            say("Please answer again: " + allowed(q) + "; or " + COMMANDS + ".");
            return false;
        }
    }

    /** The typed text as a CSV cell: list numbers become their values ({@code 1,3} is {@code cramps;tingling}). */
    static String cell(NextQuestion q, String typed) {
        if (q.values().isEmpty()) {
            return typed;
        }
        if (!q.type().equals("any_of")) {
            return typed.matches("\\d+") ? cell(q.values(), typed) : typed;
        }
        List<String> parts = new ArrayList<>();
        for (String part : typed.split("[,;\\s]+")) {
            parts.add(part.matches("\\d+") ? cell(q.values(), part) : part);
        }
        return String.join(";", parts);
    }

    /** A list number as its value; a number off the list stays as typed, for the library to refuse by name. */
    private static String cell(List<String> values, String number) {
        int n = number.length() > 3 ? 0 : Integer.parseInt(number);
        return n >= 1 && n <= values.size() ? values.get(n - 1) : number;
    }

    private void show(NextQuestion q) {
        out.println();
        say(q.text() + "  [" + q.question() + "]");
        switch (q.type()) {
            case "number" -> out.println("  a number" + (q.unit() == null ? "" : " in " + q.unit())
                    + (q.min() == null ? "" : ", " + q.min().toPlainString() + " to " + q.max().toPlainString()));
            case "any_of" -> {
                out.print(columns(q.values()));
                out.println("  any of these: numbers like 1,3, or none");
            }
            default -> out.print(columns(q.values()));
        }
    }

    private static String allowed(NextQuestion q) {
        return switch (q.type()) {
            case "number" -> "a number" + (q.unit() == null ? "" : " in " + q.unit())
                    + (q.min() == null ? "" : " from " + q.min().toPlainString() + " to " + q.max().toPlainString());
            case "any_of" -> "numbers 1 to " + q.values().size() + " (like 1,3), the values, or none";
            default -> "a number 1 to " + q.values().size() + " or one of " + String.join(", ", q.values());
        };
    }

    /** The choices numbered, in as many columns as fit 80 characters. */
    static String columns(List<String> values) {
        int width = values.stream().mapToInt(String::length).max().orElse(0) + 6;
        int perLine = Math.max(1, 78 / width);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String item = String.format(Locale.ROOT, "%3d) %s", i + 1, values.get(i));
            boolean last = i == values.size() - 1 || (i + 1) % perLine == 0;
            b.append(last ? item : String.format(Locale.ROOT, "%-" + width + "s", item));
            if (last) {
                b.append(System.lineSeparator());
            }
        }
        return b.toString();
    }

    private void results(Assessment a) {
        out.println("You answered " + answers.size() + (answers.size() == 1 ? " question" : " questions")
                + (skipped.isEmpty() ? "" : " and skipped " + skipped.size()) + ".");
        out.println();
        out.print(advisor.toText(a));
        out.flush();
    }

    /**
     * After the result: explain findings until the person quits or goes back to the questions.
     *
     * @return whether to go back to asking
     */
    private boolean afterwards(Consultation step) throws IOException {
        Assessment a = step.assessment();
        while (true) {
            out.println();
            say((a.findings().isEmpty() ? "Type" : "Type how N to see how finding N was concluded,")
                    + " whynot SUBJECT (e.g. whynot magnesium), whatif question=value (e.g. whatif caffeine_cups_per_day=0),"
                    + " back to change your last answer, or quit.");
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                return false;
            }
            String[] words = line.trim().split("\\s+", 2);
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "how" -> {
                    try {
                        out.print(advisor.howText(a, Integer.parseInt(words.length > 1 ? words[1].trim() : "")));
                    } catch (NumberFormatException e) {
                        out.println("Type how and a finding's number, e.g. how 1.");
                    } catch (IllegalArgumentException e) {
                        out.println(e.getMessage() + ".");
                    }
                }
                case "whynot" -> {
                    try {
                        out.print(advisor.toText(advisor.whyNot(questionnaire(), words.length > 1 ? words[1].trim() : "")));
                    } catch (InvalidQuestionnaireException e) {
                        e.problems().forEach(p -> say(p.message() + "."));
                    }
                }
                case "whatif" -> whatIf(words.length > 1 ? words[1].trim() : "");
                case "back" -> {
                    if (back()) {
                        return true;
                    }
                }
                case "quit", "exit", "" -> {
                    return false;
                }
                default -> out.println("Unknown command '" + line.trim() + "'.");
            }
        }
    }

    /** {@code whatif question=value ...}: the result with those answers changed ({@code question=} removes one). */
    private void whatIf(String changes) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String change : changes.split("\\s+")) {
            int eq = change.indexOf('=');
            if (eq <= 0) {
                out.println("Type whatif and changes as question=value, e.g. whatif caffeine_cups_per_day=0 "
                        + "(question= removes an answer).");
                return;
            }
            String value = change.substring(eq + 1);
            set.put(change.substring(0, eq), value.isEmpty() ? null : value);
        }
        try {
            out.print(advisor.toText(advisor.whatIf(questionnaire(), set, Set.of())));
        } catch (InvalidQuestionnaireException e) {
            e.problems().forEach(p -> say(p.message() + "."));
        }
    }

    /** Writes the answers for {@code --save}, named after the file when they have no respondent. */
    private int save(PrintWriter err) {
        if (saveFile == null) {
            return ExitCodes.OK;
        }
        String name = respondent != null ? respondent
                : saveFile.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            Files.writeString(saveFile, advisor.toJson(new Questionnaire(name, answers)) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("twitch: " + saveFile + ": cannot write: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        out.println("Answers saved to " + saveFile + "; twitch assess " + saveFile + " reads them.");
        return ExitCodes.OK;
    }

    /** Prints a paragraph wrapped between words. */
    private void say(String paragraph) {
        out.println(Text.wrap(paragraph, WIDTH, "", "  ").replace("\n", System.lineSeparator()));
    }

    /** The WHY lines, each a bullet wrapped to the terminal's usual width. */
    private static String bullets(String why) {
        if (why.isEmpty()) {
            return "  (no rule waits on this question)";
        }
        List<String> lines = new ArrayList<>();
        for (String line : why.split("\n")) {
            lines.add(Text.wrap(line, WIDTH, "  - ", "    ").replace("\n", System.lineSeparator()));
        }
        return String.join(System.lineSeparator(), lines);
    }
}

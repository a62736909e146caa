package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the commands on one questionnaire share: the {@code FILE} argument, {@code --format} and {@code --rules};
 * the file read and validated, each problem one line on standard error.
 */
final class QuestionnaireFile {
    /** Output formats of a single result. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "The questionnaire as JSON, or - for standard input.")
    String file;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json (the output contract).")
    Format format;

    @Mixin
    RulesOption rules;

    /**
     * The advisor on the chosen rules and the questionnaire validated by it.
     *
     * @param advisor the advisor
     * @param questionnaire the answers, named after the file when they carry no respondent id
     */
    record Loaded(TwitchAdvisor advisor, Questionnaire questionnaire) {
    }

    /**
     * Reads the file, compiles the rules, validates the answers.
     *
     * @param err where problems go, each prefixed with the file name
     * @return the advisor and answers; {@code null} after reporting why the file could not be used (exit with
     *         {@link ExitCodes#BAD_INPUT}); a bad rules folder throws as for every command
     */
    Loaded load(PrintWriter err) {
        // The bytes before the rules: a missing file is reported without compiling anything.
        byte[] text = bytes(err);
        if (text == null) {
            return null;
        }
        TwitchAdvisor advisor = rules.advisor();
        Questionnaire q;
        try {
            q = advisor.readJson(text);
        } catch (InvalidQuestionnaireException e) {
            problems(file, e, err);
            return null;
        }
        if (q.respondent() == null && !file.equals("-")) {
            // A file with no respondent id is named after the file, so the output says whose it is.
            String name = Path.of(file).getFileName().toString().replaceFirst("\\.json$", "");
            q = new Questionnaire(name, q.answers());
        }
        return new Loaded(advisor, q);
    }

    /**
     * Prints the result in the chosen format.
     *
     * @param out standard output
     * @param json the result as JSON, without a trailing newline
     * @param text the result as text
     */
    void print(PrintWriter out, String json, String text) {
        out.print(format == Format.json ? json + System.lineSeparator() : text);
        out.flush();
    }

    private byte[] bytes(PrintWriter err) {
        // Bytes, not text: the library decodes them and names a byte that is not UTF-8, where Java would say
        // "Input length = 1".
        try {
            return file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("twitch: " + file + ": no such file");
        } catch (IOException e) {
            err.println("twitch: " + file + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    /** Each problem as one line, prefixed with where it came from. */
    static void problems(String where, InvalidQuestionnaireException e, PrintWriter err) {
        for (Problem p : e.problems()) {
            err.println("twitch: " + where + ": " + p.message());
        }
    }
}

package org.twitchadvisor.internal.explain;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.Triage;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The assessment as text for a person: triage, then each finding with its indented "because" tree
 * (rules and the source ids that make each claim), its advice, and the disclaimer. When the triage is
 * {@code urgent} or {@code see_doctor}, the red flags and their advice come first.
 */
public final class TextRenderer {
    /** Said at the end of every text assessment. */
    public static final String DISCLAIMER = "This is not medical advice. It points to possible causes named in five "
            + "health articles; a doctor can test for deficiencies and rule out other conditions.";

    private TextRenderer() {
    }

    /**
     * @param a the assessment
     * @return the text, ending with a newline
     */
    public static String render(Assessment a) {
        StringBuilder out = new StringBuilder();
        out.append("Twitch Advisor assessment").append(a.respondent() == null ? "" : " for " + a.respondent()).append('\n');
        out.append("Triage: ").append(triage(a.triage())).append("\n\n");
        if (a.findings().isEmpty()) {
            out.append("No finding: none of your answers matches a cause the articles name.\n\n");
        }
        int i = 1;
        for (Finding f : readingOrder(a)) {
            out.append(i++).append(". [").append(f.type().replace('_', ' ')).append("] ").append(f.summary());
            if (f.type().equals("deficiency") || f.type().equals("lifestyle") || f.type().equals("differential")) {
                out.append(String.format(java.util.Locale.ROOT, " (score %.2f)", f.score()));
            }
            out.append('\n');
            out.append("   because:\n");
            for (Explanation e : f.because()) {
                node(out, e, 2);
            }
            if (!f.advice().isEmpty()) {
                out.append("   what to do:\n");
                for (String advice : f.advice()) {
                    out.append("     * ").append(advice).append('\n');
                }
            }
            out.append('\n');
        }
        out.append("Rule set: ").append(a.ruleset()).append('\n');
        out.append(DISCLAIMER).append('\n');
        return out.toString();
    }

    /**
     * The findings as a person should read them: when the triage says to get care, the red flags and what to do
     * about them come first, before the list of possible causes (the JSON keeps the contract's order).
     */
    static List<Finding> readingOrder(Assessment a) {
        if (a.triage() == Triage.SELF_CARE) {
            return a.findings();
        }
        List<Finding> flagsFirst = new java.util.ArrayList<>(a.findings().size());
        a.findings().stream().filter(f -> f.type().equals("red_flag")).forEach(flagsFirst::add);
        a.findings().stream().filter(f -> !f.type().equals("red_flag")).forEach(flagsFirst::add);
        return flagsFirst;
    }

    private static String triage(Triage t) {
        return switch (t) {
            case URGENT -> "URGENT - seek medical care promptly";
            case SEE_DOCTOR -> "SEE A DOCTOR - the articles advise a professional opinion";
            case SELF_CARE -> "SELF-CARE - diet and habit changes first; see a doctor if it persists";
        };
    }

    private static void node(StringBuilder out, Explanation e, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append("- ").append(e.rule()).append(" [").append(String.join(", ", e.sources())).append(']');
        if (!e.answers().isEmpty()) {
            out.append("  (you answered ").append(answers(e.answers())).append(')');
        }
        out.append('\n');
        out.append(indent).append("  ").append(e.claim()).append('\n');
        for (Explanation child : e.because()) {
            node(out, child, depth + 1);
        }
    }

    /**
     * HOW one finding was concluded: its summary and "because" tree, as {@link #render} prints it.
     *
     * @param a the assessment
     * @param number the finding's number in {@link #render}'s text, from 1
     * @return the text, ending with a newline
     * @throws IllegalArgumentException when there is no finding with that number
     */
    public static String how(Assessment a, int number) {
        if (number < 1 || number > a.findings().size()) {
            throw new IllegalArgumentException(a.findings().isEmpty() ? "there are no findings to explain"
                    : "there is no finding " + number + "; the findings are numbered 1 to " + a.findings().size());
        }
        // Numbered as the text numbers them, which puts red flags first when the triage says to get care.
        Finding f = readingOrder(a).get(number - 1);
        StringBuilder out = new StringBuilder();
        out.append(number).append(". [").append(f.type().replace('_', ' ')).append("] ").append(f.summary()).append('\n');
        out.append("   because:\n");
        for (Explanation e : f.because()) {
            node(out, e, 2);
        }
        return out.toString();
    }

    /**
     * A number as a person writes it, {@code 0.62} rather than {@code 6.2E-1}, but in scientific notation when the
     * plain form would be long: a {@code Questionnaire} built by hand may hold {@code 1E-999999999}, whose plain form
     * is a billion characters.
     */
    static String number(java.math.BigDecimal d) {
        long integerDigits = (long) d.precision() - d.scale();
        return d.scale() <= 20 && integerDigits <= 20 ? d.toPlainString() : d.toString();
    }

    private static String answers(Map<String, Object> answers) {
        return answers.entrySet().stream().map(en -> en.getKey() + ": " + value(en.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String value(Object v) {
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(" + "));
        }
        if (v instanceof java.math.BigDecimal d) {
            return number(d);
        }
        return String.valueOf(v);
    }
}

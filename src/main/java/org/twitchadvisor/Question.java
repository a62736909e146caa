package org.twitchadvisor;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of the questionnaire, as defined in {@code rules/data/questions.csv}: the parser, the
 * documentation and the rule checks all read this one definition.
 *
 * @param id the question id, the JSON key and CSV header, e.g. {@code "diet"}
 * @param type how it is answered
 * @param values the allowed values of a one-of or any-of question, in their documented order; empty otherwise
 * @param unit the unit of a number question, or empty
 * @param min the smallest allowed number, or {@code null}
 * @param max the largest allowed number, or {@code null}
 * @param text the question as a person reads it
 * @param askIf when the question applies (its skip logic); empty when it always does
 */
public record Question(String id, Type type, List<String> values, String unit, BigDecimal min, BigDecimal max,
                       String text, List<AskIf> askIf) {

    /** How a question is answered; see the "Answer types" table of the questionnaire contract. */
    public enum Type {
        /** Free text, such as the respondent id. */
        TEXT,
        /** {@code true}/{@code false}, also {@code "yes"}/{@code "no"}. */
        YES_NO,
        /** Exactly one value from {@link Question#values()}. */
        ONE_OF,
        /** Any number of values from {@link Question#values()}; an empty list means "none of these". */
        ANY_OF,
        /** A decimal number within {@link Question#min()} and {@link Question#max()}. */
        NUMBER
    }

    /** Defensive copies: a question definition never changes once loaded. */
    public Question {
        values = List.copyOf(values);
        askIf = askIf == null ? List.of() : List.copyOf(askIf);
    }

    /**
     * A question that always applies, as before skip logic existed.
     *
     * @param id the question id
     * @param type how it is answered
     * @param values the allowed values of a one-of or any-of question
     * @param unit the unit of a number question, or empty
     * @param min the smallest allowed number, or {@code null}
     * @param max the largest allowed number, or {@code null}
     * @param text the question as a person reads it
     */
    public Question(String id, Type type, List<String> values, String unit, BigDecimal min, BigDecimal max,
                    String text) {
        this(id, type, values, unit, min, max, text, List.of());
    }
}

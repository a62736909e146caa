package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One condition of a question's skip logic (the {@code ask_if} column of {@code rules/data/questions.csv}):
 * when the question is worth asking at all. A question's conditions on the same question are alternatives,
 * conditions on different questions must all hold: {@code symptoms=tingling|numbness & twitching=yes} reads
 * "tingling or numbness was reported, and twitching". A question without conditions always applies.
 *
 * <p>Skip logic guides asking only: an answer to a question whose conditions do not hold is still accepted.
 *
 * @param question the question whose answer decides, e.g. {@code "symptoms"}
 * @param operator {@code "="} (the answer is this value, or for an any-of question includes it) or
 *                 {@code "answered"} (any answer, also "none of these")
 * @param value the value for {@code "="} ({@code yes}/{@code no} for a yes/no question); {@code null} for
 *              {@code "answered"}
 */
@JsonPropertyOrder({"question", "operator", "value"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AskIf(String question, String operator, String value) {
    /** The operator of a condition on a value. */
    public static final String EQUALS = "=";
    /** The operator of a condition on any answer. */
    public static final String ANSWERED = "answered";
}

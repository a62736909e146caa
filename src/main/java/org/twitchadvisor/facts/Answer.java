package org.twitchadvisor.facts;

/**
 * One answered value of a categorical question: a yes/no answer ({@code "yes"} or {@code "no"}), the
 * chosen value of a one-of question, or one chosen value of an any-of question (an any-of answer with
 * three values is three {@code Answer} facts). Values are lower case, as in the questionnaire contract.
 * A question that was not answered has no {@code Answer} at all: "unknown" is never "no".
 *
 * @param question the question id, e.g. {@code "diet"}
 * @param value the answered value, e.g. {@code "vegan"}
 */
public record Answer(String question, String value) {
}

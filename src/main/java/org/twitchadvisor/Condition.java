package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One condition of a rule, as {@link WhyNot} reports it.
 *
 * @param question the question id the condition is about, or {@code null} for a condition on reference data
 * @param text the condition in plain words, with what the answers say about it
 */
@JsonPropertyOrder({"question", "text"})
public record Condition(String question, String text) {
}

package org.twitchadvisor.facts;

/**
 * The answer to a number question: cups of caffeine a day, or a lab value.
 *
 * @param question the question id, e.g. {@code "lab_magnesium_mmol_l"}
 * @param value the number as answered, in the question's unit
 */
public record Measurement(String question, double value) {
}

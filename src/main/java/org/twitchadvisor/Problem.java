package org.twitchadvisor;

/**
 * One thing wrong with a questionnaire: which question, which value, and what is allowed instead.
 *
 * @param question the question id the problem is about, or {@code null} when it is about the whole input
 * @param value the offending value as given, or {@code null}
 * @param message a plain sentence naming the question, the value and what is allowed
 */
public record Problem(String question, String value, String message) {
}

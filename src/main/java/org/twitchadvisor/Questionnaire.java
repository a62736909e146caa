package org.twitchadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One person's validated answers. Build one with {@link TwitchAdvisor#readJson(String)} or
 * {@link TwitchAdvisor#questionnaire(Map)}, which check every answer against the question definitions.
 *
 * <p>{@code answers} holds only the questions that were answered, keyed by question id, with values
 * normalised by type: {@link Boolean} for yes/no, {@link String} for one-of and text, an unmodifiable
 * {@code List<String>} for any-of (empty for "none of these"), {@link java.math.BigDecimal} for numbers (the
 * finite double the rules compare, in its shortest decimal form: {@code 2}, {@code 0.62}).
 * A question that is absent was not answered, which is not the same as "no".
 *
 * @param respondent the respondent id, or {@code null} when none was given
 * @param answers the answers by question id, in id order
 */
public record Questionnaire(String respondent, Map<String, Object> answers) {

    /** Copies the answers into an unmodifiable map ordered by question id, so equal answers compare equal. */
    public Questionnaire {
        answers = Collections.unmodifiableMap(new TreeMap<>(answers));
    }
}

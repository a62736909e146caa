package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * A question worth asking next, with everything a front end needs to ask it and to answer "why do you ask?".
 *
 * @param question the question id, the key its answer goes under
 * @param text the question as a person reads it
 * @param type {@code yes_no}, {@code one_of}, {@code any_of} or {@code number}
 * @param values the allowed values: {@code yes} and {@code no}, or the one-of/any-of values; empty for a number
 * @param unit the unit of a number question, otherwise {@code null} (left out of the JSON)
 * @param min the smallest allowed number, otherwise {@code null}
 * @param max the largest allowed number, otherwise {@code null}
 * @param why in plain words, one line per change: which answer would change which finding or the triage, by
 *            which rules and sources
 * @param waiting the rules waiting on this question: what each would conclude and for which finding
 */
@JsonPropertyOrder({"question", "text", "type", "values", "unit", "min", "max", "why", "waiting"})
public record NextQuestion(String question, String text, String type, List<String> values,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal min,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal max,
                           String why, List<WaitingRule> waiting) {
    /** Unmodifiable copies. */
    public NextQuestion {
        values = List.copyOf(values);
        waiting = List.copyOf(waiting);
    }
}

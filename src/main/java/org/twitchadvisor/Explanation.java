package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a finding's derivation tree: one rule that fired. Built by the engine from what actually
 * fired, never written by the rules themselves.
 *
 * @param rule the rule's name, which reads as its claim, e.g. {@code "limited sun exposure lowers vitamin D"}
 * @param claim the claim in the project's own words (the rule's {@code @claim})
 * @param sources the ids of the articles and references that make the claim (the rule's {@code @sources},
 *                plus the source of any reference value it compared against)
 * @param answers the answers the rule matched: question id to the answer as given (an any-of answer lists
 *                only the values the rule matched)
 * @param because the nodes of the derived conclusions the rule matched; empty for a rule resting on answers alone
 */
@JsonPropertyOrder({"rule", "claim", "sources", "answers", "because"})
public record Explanation(String rule, String claim, List<String> sources, Map<String, Object> answers,
                          List<Explanation> because) {

    /** Unmodifiable copies: an explanation is a value. */
    public Explanation {
        sources = List.copyOf(sources);
        // Keeps the caller's key order (the questionnaire's order) while making the map unmodifiable.
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        because = List.copyOf(because);
    }
}

package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Why a subject was not found, or not found higher: every rule that could conclude it, each with its
 * conditions sorted into met, failed and still unknown. Returned by {@link TwitchAdvisor#whyNot}; for a
 * rule author it is the debugging tool that shows which condition stopped a rule.
 *
 * @param subject the subject asked about, e.g. {@code magnesium}
 * @param found the level the subject was found at ({@code possible}, {@code likely}, {@code confirmed},
 *              {@code ruled_out}, {@code see_doctor}, {@code urgent}), or {@code null} when it was not found
 * @param rules the rules that could conclude the subject, in rule-folder order: those that fired have no
 *              failed and no unknown conditions
 */
@JsonPropertyOrder({"subject", "found", "rules"})
public record WhyNot(String subject, String found, List<CandidateRule> rules) {

    /** Unmodifiable copy: a why-not is a value. */
    public WhyNot {
        rules = List.copyOf(rules);
    }
}

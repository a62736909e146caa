package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One rule that could conclude a subject of a {@link WhyNot}, with its conditions evaluated against the answers.
 *
 * @param rule the rule's name
 * @param claim the rule's {@code @claim}
 * @param sources the rule's {@code @sources}
 * @param concludes what the rule's action inserts, as written, e.g. {@code DeficiencyEvidence("magnesium", "poor_diet")}
 * @param met the conditions that hold
 * @param failed the conditions that do not hold: an answer given rules them out, or a conclusion they need was
 *               not reached (then one entry per condition that stopped the rules that could reach it)
 * @param unknown the conditions that wait on questions not answered
 */
@JsonPropertyOrder({"rule", "claim", "sources", "concludes", "met", "failed", "unknown"})
public record CandidateRule(String rule, String claim, List<String> sources, String concludes,
                            List<Condition> met, List<Condition> failed, List<Condition> unknown) {

    /** Unmodifiable copies. */
    public CandidateRule {
        sources = List.copyOf(sources);
        met = List.copyOf(met);
        failed = List.copyOf(failed);
        unknown = List.copyOf(unknown);
    }
}

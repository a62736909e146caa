package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A rule waiting on a question's answer: it would fire (or stop firing) under some answer, and so change a finding.
 * Found by assessing the candidate answers and comparing what fired, never guessed from the rule text.
 *
 * @param rule the rule's name
 * @param claim the claim in the project's own words
 * @param sources the ids of the articles and references that make the claim
 * @param effect what it would do to the finding: {@code raises triage}, {@code adds}, {@code confirms},
 *               {@code rules out}, {@code strengthens}, {@code weakens} or {@code removes}
 * @param subject the finding's subject, e.g. {@code magnesium}
 * @param answers the answers that would wake it, each as {@code question=value} (several joined by {@code  & } when
 *                an answer first opens another question, e.g. {@code labs_tested=magnesium & lab_magnesium_mmol_l=0.8})
 */
@JsonPropertyOrder({"rule", "claim", "sources", "effect", "subject", "answers"})
public record WaitingRule(String rule, String claim, List<String> sources, String effect, String subject,
                          List<String> answers) {
    /** Unmodifiable copies. */
    public WaitingRule {
        sources = List.copyOf(sources);
        answers = List.copyOf(answers);
    }
}

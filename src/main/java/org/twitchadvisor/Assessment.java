package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The answer for one questionnaire: triage, explained findings and the rule set that produced them.
 * Serialised by {@link TwitchAdvisor#toJson(Assessment)} exactly as {@code ../shared/spec/assessment.md} says.
 *
 * @param respondent the questionnaire's respondent id, or {@code null}
 * @param triage the most urgent triage level of the findings
 * @param findings deficiencies (by score, highest first), then lifestyle factors, differentials and red flags
 * @param ruleset identifies the rule set used, so results are reproducible
 * @param rulesFired the names of the rules that fired, sorted; not part of the JSON contract (batch
 *                   summaries count them)
 */
@JsonPropertyOrder({"respondent", "triage", "findings", "ruleset"})
public record Assessment(String respondent, Triage triage, List<Finding> findings, String ruleset,
                         @JsonIgnore List<String> rulesFired) {

    /** Unmodifiable copies: an assessment is a value and safe to share between threads. */
    public Assessment {
        findings = List.copyOf(findings);
        rulesFired = List.copyOf(rulesFired);
    }
}

package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One explained finding of an assessment. See {@code ../shared/spec/assessment.md} for the contract.
 *
 * @param type {@code deficiency}, {@code lifestyle}, {@code differential} or {@code red_flag}
 * @param subject what the finding is about, e.g. {@code calcium}, {@code caffeine}, {@code persistent_twitching}
 * @param level for a deficiency {@code possible}, {@code likely}, {@code confirmed} or {@code ruled_out};
 *              for lifestyle and differential findings {@code possible} or {@code likely}; for a red flag
 *              its urgency, {@code see_doctor} or {@code urgent}
 * @param score the combined certainty of the evidence, in [0, 1] (see docs/scoring.md)
 * @param summary one line for a person
 * @param because the derivation trees of the evidence, strongest first
 * @param advice advice fitted to the person, in the order of {@code rules/data/advice.csv}
 */
@JsonPropertyOrder({"type", "subject", "level", "score", "summary", "because", "advice"})
public record Finding(String type, String subject, String level, double score, String summary,
                      List<Explanation> because, List<String> advice) {

    /** Unmodifiable copies: a finding is a value. */
    public Finding {
        because = List.copyOf(because);
        advice = List.copyOf(advice);
    }
}

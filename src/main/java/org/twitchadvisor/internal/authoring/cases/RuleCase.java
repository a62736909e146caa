package org.twitchadvisor.internal.authoring.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One case file: a description, the answers, and what must (not) follow from them.
 *
 * @param description what the case shows, in plain words (name the claim and its articles)
 * @param answers the questionnaire, exactly as the JSON input contract
 * @param expect the expectations
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleCase(String description, JsonNode answers, Expect expect) {

    /**
     * What the assessment must show.
     *
     * @param triage the triage level, when the case cares
     * @param findings findings that must be present
     * @param absent findings that must not be present (only type and subject are read)
     * @param fired rule names that must fire
     * @param notFired rule names that must not fire
     * @param mentions rule names or words that must appear somewhere in the explanations
     * @param adviceMentions words that must appear in some advice
     * @param adviceExcludes words that no advice may contain (whole words, any case)
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Expect(String triage, List<FindingExpect> findings, List<FindingExpect> absent,
                         List<String> fired, @JsonProperty("not_fired") List<String> notFired,
                         List<String> mentions, @JsonProperty("advice_mentions") List<String> adviceMentions,
                         @JsonProperty("advice_excludes") List<String> adviceExcludes) {
        /** Absent lists are empty lists. */
        public Expect {
            findings = findings == null ? List.of() : List.copyOf(findings);
            absent = absent == null ? List.of() : List.copyOf(absent);
            fired = fired == null ? List.of() : List.copyOf(fired);
            notFired = notFired == null ? List.of() : List.copyOf(notFired);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            adviceMentions = adviceMentions == null ? List.of() : List.copyOf(adviceMentions);
            adviceExcludes = adviceExcludes == null ? List.of() : List.copyOf(adviceExcludes);
        }
    }

    /**
     * One expected finding.
     *
     * @param type the finding type
     * @param subject the subject
     * @param level the exact level, or {@code null} for any
     * @param levels any of these levels, or {@code null}
     * @param minScore the least score, or {@code null}
     * @param maxScore the greatest score, or {@code null}
     * @param mentions rule names or words that must appear in this finding's explanation
     * @param adviceMentions words that must appear in this finding's advice
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FindingExpect(String type, String subject, String level, List<String> levels,
                                @JsonProperty("min_score") Double minScore, @JsonProperty("max_score") Double maxScore,
                                List<String> mentions, @JsonProperty("advice_mentions") List<String> adviceMentions) {
        /** Absent lists are empty lists. */
        public FindingExpect {
            levels = levels == null ? List.of() : List.copyOf(levels);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            adviceMentions = adviceMentions == null ? List.of() : List.copyOf(adviceMentions);
        }

        /** @return {@code type/subject}, how failures name a finding */
        public String key() {
            return type + "/" + subject;
        }
    }
}

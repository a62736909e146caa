package org.twitchadvisor.spark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.TwitchAdvisor;

import java.util.Locale;

/**
 * How much of each finding's explanation the {@code explanation} column keeps. The library's batch is gaining
 * its own levels (issue 13); until it has them, this module knows {@code full} and {@code none}.
 */
public enum ExplainLevel {
    /** The output contract, exactly the text {@link TwitchAdvisor#toJson} gives: every derivation tree. */
    FULL,
    /** The contract without each finding's {@code because} trees: subject, level, score, summary and advice. */
    NONE;

    /** Writes findings without their {@code because}, otherwise exactly as the library's own mapper does. */
    private static final ObjectMapper WITHOUT_BECAUSE = new ObjectMapper().addMixIn(Finding.class, NoBecause.class);

    @JsonIgnoreProperties("because")
    private abstract static class NoBecause {
    }

    /** @return the level's name on the command line and in the {@code explain} column */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code full} or {@code none}
     * @return the level
     * @throws IllegalArgumentException naming the levels there are
     */
    public static ExplainLevel of(String id) {
        for (ExplainLevel l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("--explain " + id + ": the Spark job knows the levels full and none"
                + ("summary".equals(id) ? " (summary is not available to it yet)" : ""));
    }

    /**
     * @param advisor the advisor that made the assessment
     * @param a the assessment
     * @return the assessment as one line of JSON at this level
     */
    String json(TwitchAdvisor advisor, Assessment a) {
        if (this == FULL) {
            return advisor.toJson(a);
        }
        try {
            return WITHOUT_BECAUSE.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an assessment always serialises", e);
        }
    }
}

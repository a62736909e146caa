package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One step of a consultation (see {@link TwitchAdvisor#consultation}): the assessment of the answers so far, the
 * unanswered questions worth asking, most urgent first, and whether to stop. A question is worth asking only if
 * some allowed answer to it could change the result; the stop rule says which changes count.
 *
 * @param assessment the assessment of the answers given so far, exactly as {@link TwitchAdvisor#assess} gives it
 * @param next the questions worth asking, ranked: those that could raise the triage first, then by how much the
 *             result could change, then in the questionnaire's order; empty when {@code stop}
 * @param stop whether no unanswered question could change the result any more
 */
@JsonPropertyOrder({"assessment", "next", "stop"})
public record Consultation(Assessment assessment, List<NextQuestion> next, boolean stop) {
    /** Unmodifiable copy: a consultation step is a value. */
    public Consultation {
        next = List.copyOf(next);
    }
}

package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Assessment;

import java.util.List;

/**
 * The result of one candidate answer, or of a chain of them when the first opens another question.
 *
 * @param answers the answers tried, each {@code question=value}, in the order given
 * @param assessment the assessment with them
 * @param difference what they change against the assessment without them
 */
record Outcome(List<String> answers, Assessment assessment, Difference difference) {
    Outcome {
        answers = List.copyOf(answers);
    }

    /** @return the answers as one label, {@code question=value & question=value} */
    String label() {
        return String.join(" & ", answers);
    }
}

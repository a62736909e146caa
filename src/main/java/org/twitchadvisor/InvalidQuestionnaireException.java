package org.twitchadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** A questionnaire that does not fit the question definitions; {@link #problems()} lists every problem found. */
public final class InvalidQuestionnaireException extends TwitchAdvisorException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * @param problems every problem found, at least one
     */
    public InvalidQuestionnaireException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in question order */
    public List<Problem> problems() {
        return problems;
    }
}

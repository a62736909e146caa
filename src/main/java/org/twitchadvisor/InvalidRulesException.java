package org.twitchadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that cannot be used: it does not compile, or its tables or metadata are wrong. */
public final class InvalidRulesException extends TwitchAdvisorException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    /**
     * @param problems the problems found, at least one of severity {@code error}
     */
    public InvalidRulesException(List<RuleProblem> problems) {
        super("the rules cannot be used:\n" + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in file and line order */
    public List<RuleProblem> problems() {
        return problems;
    }
}

package org.twitchadvisor.internal.authoring.cases;

import java.util.List;
import java.util.Set;

/**
 * The outcome of one case file.
 *
 * @param file the case file, relative to the cases folder
 * @param description the case's description
 * @param failures one readable line per unmet expectation (or the reason the case could not run); empty when it passed
 * @param rulesFired the rules the case made fire
 * @param loopingRule the rule that kept firing when the case's answers made the rules loop, or ""
 */
public record CaseResult(String file, String description, List<String> failures, Set<String> rulesFired,
                         String loopingRule) {
    /** Unmodifiable copies. */
    public CaseResult {
        failures = List.copyOf(failures);
        rulesFired = Set.copyOf(rulesFired);
    }

    /**
     * A case on which the rules settled.
     *
     * @param file the case file, relative to the cases folder
     * @param description the case's description
     * @param failures one readable line per unmet expectation; empty when it passed
     * @param rulesFired the rules the case made fire
     */
    public CaseResult(String file, String description, List<String> failures, Set<String> rulesFired) {
        this(file, description, failures, rulesFired, "");
    }

    /** @return whether every expectation held */
    public boolean passed() {
        return failures.isEmpty();
    }
}

package org.twitchadvisor.internal.authoring.cases;

import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.RuleProblem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which rules no case makes fire: a claim nobody has shown to work is worth a look. */
public final class CaseCoverage {
    private CaseCoverage() {
    }

    /**
     * @param rules the rules
     * @param results the outcomes of running every case (failed cases count too: what fired, fired)
     * @param casesDir the cases folder, named in the message
     * @return one warning per rule no case made fire, at the rule's file and line
     */
    public static List<RuleProblem> unfired(List<RuleCatalog.Rule> rules, List<CaseResult> results, String casesDir) {
        Set<String> fired = new HashSet<>();
        results.forEach(r -> fired.addAll(r.rulesFired()));
        return rules.stream().filter(r -> !fired.contains(r.name()))
                .map(r -> new RuleProblem(r.file(), r.line(), 1, "warning", "no case in " + casesDir + " makes rule \""
                        + r.name() + "\" fire; add one that shows the claim at work (docs/cases.md)"))
                .toList();
    }
}

package org.twitchadvisor.internal.authoring.lint;

import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.internal.engine.ReferenceData;
import org.twitchadvisor.internal.engine.RuleFolder;
import org.twitchadvisor.internal.engine.RuleInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a rules folder before it is compiled, without running any of it: the shape of every rule file
 * (an allow-list, because DRL runs as Java with no sandbox), each rule's claim, sources and weight, and
 * the text values rules compare and conclude against the tables. Also reads what each rule is, for the
 * engine's explanations and the catalogue.
 */
public final class RuleLinter {

    /**
     * What the check found.
     *
     * @param problems every problem, errors and warnings, as file:line:column
     * @param rules every rule read, by name, in file order
     * @param compilable whether every file passed the structure checks; when not, the compiler must not see them
     */
    public record Result(List<RuleProblem> problems, Map<String, RuleInfo> rules, boolean compilable) {
        /** Unmodifiable copies. */
        public Result {
            problems = List.copyOf(problems);
            rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        }
    }

    private RuleLinter() {
    }

    /**
     * Checks every DRL file of a folder.
     *
     * @param folder the rule files
     * @param data the tables, already read (their own problems are reported by {@link ReferenceData#read})
     * @return the problems and the rules
     */
    public static Result lint(RuleFolder folder, ReferenceData data) {
        List<RuleProblem> problems = new ArrayList<>();
        List<CheckedRule> rules = new ArrayList<>();
        boolean compilable = true;
        boolean allParsed = true;
        for (Map.Entry<String, String> f : folder.drlFiles().entrySet()) {
            DrlFileCheck check = new DrlFileCheck(f.getKey(), f.getValue(), data.sources(), problems);
            rules.addAll(check.run());
            compilable &= check.compilable();
            allParsed &= check.parsed();
        }
        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        for (CheckedRule r : rules) {
            RuleInfo first = byName.putIfAbsent(r.info().name(), r.info());
            if (first != null) {
                problems.add(new RuleProblem(r.info().file(), r.info().line(), 1, "error", "the rule name \""
                        + r.info().name() + "\" is already used at " + first.file() + ":" + first.line()
                        + "; every rule needs its own name, the one explanations and cases call it by"));
            }
        }
        new Vocabulary(data).check(rules, allParsed, problems);
        return new Result(problems, byName, compilable);
    }
}

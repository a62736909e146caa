package org.twitchadvisor;

import java.util.List;

/**
 * The rules of an advisor as their authors see them, read from the rule files themselves so a catalogue
 * made from it never drifts from the rules: each rule's claim, sources, weight and conclusion, the
 * registered sources, the finding subjects, and what the checks noticed without refusing the rules.
 *
 * @param rules every rule, in file and line order
 * @param sources every registered source, in the order of {@code data/sources.csv}
 * @param subjects every finding subject, in the order of {@code data/subjects.csv}
 * @param warnings what the checks and the compiler noticed without refusing the rules, as file:line:column
 */
public record RuleCatalog(List<Rule> rules, List<Source> sources, List<Subject> subjects, List<RuleProblem> warnings) {

    /** Unmodifiable copies. */
    public RuleCatalog {
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
        subjects = List.copyOf(subjects);
        warnings = List.copyOf(warnings);
    }

    /**
     * One rule.
     *
     * @param name the rule name, which reads as the claim
     * @param file the DRL file, relative to the rules folder, e.g. {@code 2-deficiencies/magnesium.drl}
     * @param line the line of the {@code rule} keyword
     * @param layer the layer folder, e.g. {@code 2-deficiencies}
     * @param claim the {@code @claim}
     * @param sources the ids of the {@code @sources}
     * @param weight the {@code @weight}, 1 when the rule has none
     * @param concludes the fact type the rule inserts, e.g. {@code DeficiencyEvidence}
     * @param conclusion the inserted fact as written, e.g. {@code DeficiencyEvidence("magnesium", "poor_diet")}
     * @param subject what the conclusion is about, e.g. {@code magnesium}; "" when the rule takes it from the
     *        facts it matched (as in {@code Advice($n, "foods")})
     * @param subjectType the subject's type: {@code deficiency}, {@code lifestyle}, {@code differential},
     *        {@code red_flag}, or {@code risk_factor} for a layer-1 conclusion; "" when the subject is ""
     */
    public record Rule(String name, String file, int line, String layer, String claim, List<String> sources,
                       double weight, String concludes, String conclusion, String subject, String subjectType) {
        /** Unmodifiable copy. */
        public Rule {
            sources = List.copyOf(sources);
        }
    }

    /**
     * A registered source, from {@code data/sources.csv}.
     *
     * @param id the id rules cite, e.g. {@code 003}
     * @param title its title
     * @param kind {@code article} for the five articles, {@code reference} or {@code project} otherwise
     * @param location where to find it: a seed file or an address
     */
    public record Source(String id, String title, String kind, String location) {
    }

    /**
     * A finding subject, from {@code data/subjects.csv}.
     *
     * @param type {@code deficiency}, {@code lifestyle}, {@code differential} or {@code red_flag}
     * @param id the id rules use, e.g. {@code vitamin_b12}
     * @param label how it reads for people, e.g. {@code vitamin B12}
     */
    public record Subject(String type, String id, String label) {
    }
}

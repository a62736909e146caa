package org.twitchadvisor.internal.consult;

import org.twitchadvisor.CandidateRule;
import org.twitchadvisor.Condition;
import org.twitchadvisor.Finding;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.WhyNot;
import org.twitchadvisor.facts.Answer;
import org.twitchadvisor.facts.Measurement;
import org.twitchadvisor.internal.authoring.lint.FactModel;
import org.twitchadvisor.internal.engine.DerivationRecorder;
import org.twitchadvisor.internal.engine.Engine;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.engine.RuleCondition;
import org.twitchadvisor.internal.engine.RuleInfo;
import org.twitchadvisor.internal.text.Text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a subject was not found, or not higher: every rule that could conclude it, with each of its conditions
 * evaluated against the answers and what the rules concluded from them. The conditions are the ones Drools'
 * parser read from the rule folder ({@link RuleInfo#conditions()}), evaluated the way the engine matches them;
 * a condition on a conclusion that was not reached is followed into the rules that could reach it, so the
 * failed and unknown conditions it reports name questions. Thread-safe: one call keeps its state to itself.
 */
public final class WhyNotAnalysis {
    /** Conclusions are followed this many rules down: the layers are four deep. */
    private static final int MAX_DEPTH = 4;

    private final KnowledgeBase kb;
    private final Engine engine;

    /**
     * @param kb the compiled rules and their conditions
     * @param engine assesses the answers
     */
    public WhyNotAnalysis(KnowledgeBase kb, Engine engine) {
        this.kb = kb;
        this.engine = engine;
    }

    /**
     * @param answers validated answers
     * @param subject a finding subject of {@code rules/data/subjects.csv}, e.g. {@code magnesium}
     * @return the level found, and every rule that could conclude the subject with its conditions sorted
     * @throws InvalidQuestionnaireException when the subject is unknown, listing the known ones
     */
    public WhyNot explain(Questionnaire answers, String subject) {
        String id = subject == null ? "" : subject.trim().toLowerCase(Locale.ROOT);
        Set<String> types = new HashSet<>();
        Set<String> known = new TreeSet<>();
        kb.data().subjects().forEach((type, ids) -> {
            known.addAll(ids.keySet());
            if (ids.containsKey(id)) {
                types.add(type);
            }
        });
        if (types.isEmpty()) {
            String hint = Text.closest(id, known);
            throw new InvalidQuestionnaireException(List.of(new Problem(null, subject, "unknown subject "
                    + Text.quote(String.valueOf(subject)) + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; known subjects: " + String.join(", ", known))));
        }
        Engine.Reasoning reasoning = engine.reason(answers);
        String found = reasoning.assessment().findings().stream().filter(f -> f.subject().equals(id))
                .map(Finding::level).findFirst().orElse(null);
        Evaluation evaluation = new Evaluation(kb, answers, engine.inputFacts(answers), reasoning.derivations());
        List<CandidateRule> rules = new ArrayList<>();
        for (RuleInfo rule : kb.rules().values()) {
            FactModel.FactType type = FactModel.type(rule.concludes());
            if (type == null || !types.contains(type.subjectType()) || rule.values().isEmpty()) {
                continue;
            }
            String first = rule.values().get(0);
            Map<String, Object> seed = new java.util.HashMap<>();
            if (isVariable(first)) {
                seed.put(first, id);
            } else if (!first.equals(quoted(id))) {
                continue;
            }
            Evaluation.RuleOutcome outcome = evaluation.rule(rule, seed, 0, Set.of(rule.name()));
            if (outcome.impossible()) {
                // Reference data no answer can change rules it out for this subject (no lab range for it, say).
                continue;
            }
            rules.add(new CandidateRule(rule.name(), rule.claim(), rule.sources(), conclusion(rule, outcome.seedText()),
                    outcome.met(), outcome.failed(), outcome.unknown()));
        }
        return new WhyNot(id, found, rules);
    }

    /** The conclusion as written, with the variables the subject fixes filled in: {@code LabResult("iron", "deficient")}. */
    private static String conclusion(RuleInfo rule, Map<String, Object> seed) {
        List<String> values = rule.values().stream()
                .map(v -> seed.containsKey(v) ? quoted(String.valueOf(seed.get(v))) : v).toList();
        return rule.concludes() + "(" + String.join(", ", values) + ")";
    }

    static boolean isVariable(String value) {
        return value.startsWith("$") && value.indexOf('.') < 0;
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** Answers and conclusions of one assessment, and the rules' conditions evaluated against them. */
    static final class Evaluation extends ConditionMatcher {
        private final KnowledgeBase kb;

        Evaluation(KnowledgeBase kb, Questionnaire answers, List<Object> inputs,
                   Map<Object, DerivationRecorder.Derivation> derivations) {
            super(answers, facts(kb, inputs, derivations), derivations);
            this.kb = kb;
        }

        private static List<Object> facts(KnowledgeBase kb, List<Object> inputs,
                                          Map<Object, DerivationRecorder.Derivation> derivations) {
            List<Object> all = new ArrayList<>(inputs);
            all.addAll(kb.referenceFacts());
            // Every range, not only those of the labs answered: a range is data whether or not a value was given.
            all.addAll(kb.data().referenceRanges());
            all.addAll(derivations.keySet());
            return all;
        }

        /**
         * What a rule's conditions say about these answers.
         *
         * @param met conditions that hold
         * @param failed conditions that do not
         * @param unknown conditions waiting on unanswered questions
         * @param impossible whether reference data fails it, which no answer can change
         * @param seedText the values the rule's conclusion was asked for, to show the conclusion as asked
         */
        record RuleOutcome(List<Condition> met, List<Condition> failed, List<Condition> unknown, boolean impossible,
                           Map<String, Object> seedText) {
        }

        RuleOutcome rule(RuleInfo rule, Map<String, Object> seed, int depth, Set<String> visiting) {
            Outcome body = all(rule.conditions(), List.of(new Env(seed)), depth, visiting);
            return new RuleOutcome(body.met(), body.failed(), body.unknown(), body.impossible(), seed);
        }

        @Override
        Outcome concluded(RuleCondition.Pattern p, List<Env> envs, int depth, Set<String> visiting) {
            String words = words(p, envs.get(0));
            if (depth >= MAX_DEPTH) {
                return Outcome.unknown(List.of(new Condition(null, words + " — not concluded (not followed further)")));
            }
            List<Condition> failed = new ArrayList<>();
            List<Condition> unknown = new ArrayList<>();
            boolean producer = false;
            boolean couldHold = false;
            for (RuleInfo r : kb.rules().values()) {
                if (!r.concludes().equals(p.type()) || visiting.contains(r.name())) {
                    continue;
                }
                Map<String, Object> seed = seed(p, envs.get(0), r);
                if (seed == null) {
                    continue;
                }
                Set<String> deeper = new HashSet<>(visiting);
                deeper.add(r.name());
                RuleOutcome o = rule(r, seed, depth + 1, deeper);
                if (o.impossible()) {
                    continue;
                }
                producer = true;
                String via = words + " would follow from \"" + r.name() + "\"";
                if (o.failed().isEmpty()) {
                    couldHold = true;
                    o.unknown().forEach(c -> unknown.add(new Condition(c.question(), via + " once " + c.text())));
                    if (o.unknown().isEmpty()) {
                        // Never silently empty: say so if a rule's conditions hold but its conclusion was not found.
                        unknown.add(new Condition(null, via + ", whose conditions hold, yet it was not concluded"));
                    }
                } else {
                    o.failed().forEach(c -> failed.add(new Condition(c.question(), via + ", but " + c.text())));
                }
            }
            if (!producer) {
                return Outcome.failed(List.of(new Condition(null, words + " — no rule concludes it")), false);
            }
            return couldHold ? Outcome.unknown(unknown) : Outcome.failed(failed, false);
        }

        /**
         * The values a rule's conclusion must have to match a pattern, as variables of that rule; {@code null} when
         * a value written in the rule differs from one the pattern asks for.
         */
        private Map<String, Object> seed(RuleCondition.Pattern p, Env env, RuleInfo r) {
            FactModel.FactType type = FactModel.type(r.concludes());
            Map<String, Object> seed = new java.util.HashMap<>();
            for (int i = 0; i < r.values().size() && i < type.fields().size(); i++) {
                String field = type.fields().get(i);
                String value = r.values().get(i);
                if (value.startsWith("\"")) {
                    // A value written in the rule: the pattern's constraints on that field must admit it.
                    if (!admits(p, field, value.substring(1, value.length() - 1), env)) {
                        return null;
                    }
                    continue;
                }
                Object wanted = required(p, field, env);
                if (wanted != null && isVariable(value)) {
                    seed.put(value, wanted);
                }
            }
            return seed;
        }
    }

    /** @return the matched answers of a conclusion's derivation, as the questions and values it rests on */
    static Set<String> questions(Object fact, Map<Object, DerivationRecorder.Derivation> derivations) {
        Set<String> out = new LinkedHashSet<>();
        DerivationRecorder.Derivation d = derivations.get(fact);
        if (d != null) {
            for (Object p : d.premises()) {
                if (p instanceof Answer a) {
                    out.add(a.question());
                } else if (p instanceof Measurement m) {
                    out.add(m.question());
                } else {
                    out.addAll(questions(p, derivations));
                }
            }
        }
        return out;
    }
}

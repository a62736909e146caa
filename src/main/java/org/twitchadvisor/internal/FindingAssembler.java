package org.twitchadvisor.internal;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.Question;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.Triage;
import org.twitchadvisor.facts.Advice;
import org.twitchadvisor.facts.Answer;
import org.twitchadvisor.facts.DeficiencyEvidence;
import org.twitchadvisor.facts.DifferentialEvidence;
import org.twitchadvisor.facts.LabResult;
import org.twitchadvisor.facts.LifestyleFactor;
import org.twitchadvisor.facts.Limit;
import org.twitchadvisor.facts.Measurement;
import org.twitchadvisor.facts.RedFlag;
import org.twitchadvisor.facts.ReferenceRange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the derivations recorded in a session into the assessment of the output contract: one finding
 * per subject, its score, level, derivation trees, summary and advice.
 *
 * <p>Scoring (docs/scoring.md): a conclusion's certainty is its rule's {@code @weight} times the
 * certainty of every derived conclusion the rule matched (a chain is only as certain as its links); a
 * finding's score combines the certainties of its distinct pieces of evidence as independent votes,
 * {@code 1 - (1 - c1)(1 - c2)...}, so agreeing evidence raises it and it never passes 1. The result does
 * not depend on the order of answers or rule files: every list is sorted before it is combined or output.
 */
final class FindingAssembler {
    /** Siblings are merged by rule, so the rule name settles every tie. */
    private static final Comparator<Scored> STRONGEST_FIRST = Comparator.comparingDouble(Scored::certainty).reversed()
            .thenComparing(s -> s.node().rule());

    private final KnowledgeBase kb;
    private final ReferenceData data;
    private final Map<String, Integer> adviceOrder = new java.util.HashMap<>();
    /** The foods advice per nutrient and diet: few combinations, asked for in nearly every assessment. */
    private final Map<String, java.util.Optional<String>> foodsText = new java.util.concurrent.ConcurrentHashMap<>();

    FindingAssembler(KnowledgeBase kb) {
        this.kb = kb;
        this.data = kb.data();
        for (String id : data.advice().keySet()) {
            adviceOrder.put(id, adviceOrder.size());
        }
    }

    /**
     * An explanation node with its certainty: the rule's weight times the certainty of its premises.
     *
     * @param node the node
     * @param weight the rule's weight
     * @param premise the certainty of the derived facts it matched (1 when it rests on answers alone)
     * @param children the scored nodes of those derived facts
     */
    private record Scored(Explanation node, double weight, double premise, List<Scored> children) {
        double certainty() {
            return weight * premise;
        }
    }

    Assessment assemble(Questionnaire q, Map<Object, DerivationRecorder.Derivation> derivations, Collection<String> fired) {
        Explainer explainer = new Explainer(q, derivations);
        Map<String, List<String>> advice = advice(derivations.keySet(), q);

        List<Finding> deficiencies = new ArrayList<>();
        Map<String, List<Object>> evidence = group(derivations.keySet(), DeficiencyEvidence.class, DeficiencyEvidence::nutrient);
        Map<String, List<Object>> labs = group(derivations.keySet(), LabResult.class, LabResult::nutrient);
        Set<String> nutrients = new java.util.TreeSet<>(evidence.keySet());
        nutrients.addAll(labs.keySet());
        for (String nutrient : nutrients) {
            List<Object> facts = new ArrayList<>(evidence.getOrDefault(nutrient, List.of()));
            String verdict = null;
            for (Object lab : labs.getOrDefault(nutrient, List.of())) {
                verdict = worse(verdict, ((LabResult) lab).verdict());
                if (!((LabResult) lab).verdict().equals("adequate")) {
                    facts.add(lab);
                }
            }
            List<Scored> scored = explainer.scored(facts);
            List<Explanation> because = nodes(scored);
            if ("adequate".equals(verdict)) {
                // The lab value answers the question; the evidence stays visible as what raised it.
                because = new ArrayList<>(nodes(explainer.scored(labs.get(nutrient))));
                because.addAll(nodes(scored));
            }
            double score = "adequate".equals(verdict) ? 0.0 : combine(scored);
            String level = "adequate".equals(verdict) ? "ruled_out" : "deficient".equals(verdict) ? "confirmed"
                    : score >= likelyFrom() ? "likely" : "possible";
            String label = data.label("deficiency", nutrient);
            String summary = switch (level) {
                case "ruled_out" -> "Low " + label + " ruled out by your lab value";
                case "confirmed" -> "Low " + label + " confirmed by your lab value";
                default -> capitalize(level) + " low " + label + "; strongest reason: " + because.get(0).rule();
            };
            deficiencies.add(new Finding("deficiency", nutrient, level, round(score), summary, because,
                    advice.getOrDefault(nutrient, List.of())));
        }
        deficiencies.sort(Comparator.comparingDouble(Finding::score).reversed().thenComparing(Finding::subject));

        List<Finding> findings = new ArrayList<>(deficiencies);
        findings.addAll(simple("lifestyle", group(derivations.keySet(), LifestyleFactor.class, LifestyleFactor::subject),
                explainer, advice, label -> label + " may be contributing to the twitching"));
        findings.addAll(simple("differential", group(derivations.keySet(), DifferentialEvidence.class,
                DifferentialEvidence::condition), explainer, advice, label -> label + " may explain the movements better"));

        Map<String, List<Object>> flags = group(derivations.keySet(), RedFlag.class, RedFlag::sign);
        Triage triage = Triage.SELF_CARE;
        List<Finding> redFlags = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : flags.entrySet()) {
            Triage urgency = Triage.SELF_CARE;
            for (Object f : e.getValue()) {
                Triage t = Triage.fromId(((RedFlag) f).urgency());
                urgency = t.compareTo(urgency) > 0 ? t : urgency;
            }
            triage = urgency.compareTo(triage) > 0 ? urgency : triage;
            List<Scored> scored = explainer.scored(e.getValue());
            String label = data.label("red_flag", e.getKey());
            String summary = (urgency == Triage.URGENT ? "Seek care promptly: " : "See a doctor: ") + label;
            redFlags.add(new Finding("red_flag", e.getKey(), urgency.id(), round(combine(scored)), summary, nodes(scored),
                    advice.getOrDefault(e.getKey(), List.of())));
        }
        redFlags.sort(Comparator.comparing((Finding f) -> Triage.fromId(f.level())).reversed()
                .thenComparing(Comparator.comparingDouble(Finding::score).reversed()).thenComparing(Finding::subject));
        findings.addAll(redFlags);
        return new Assessment(q.respondent(), triage, findings, kb.rulesetId(), fired.stream().sorted().toList());
    }

    private List<Finding> simple(String type, Map<String, List<Object>> bySubject, Explainer explainer,
                                 Map<String, List<String>> advice, Function<String, String> summary) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : bySubject.entrySet()) {
            List<Scored> scored = explainer.scored(e.getValue());
            double score = combine(scored);
            String level = score >= likelyFrom() ? "likely" : "possible";
            out.add(new Finding(type, e.getKey(), level, round(score),
                    capitalize(summary.apply(data.label(type, e.getKey()))) + " (" + level + ")", nodes(scored),
                    advice.getOrDefault(e.getKey(), List.of())));
        }
        out.sort(Comparator.comparingDouble(Finding::score).reversed().thenComparing(Finding::subject));
        return out;
    }

    private double likelyFrom() {
        return data.limit("likely_from_score", 0.5);
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("adequate", "borderline", "deficient");
        if (a == null) {
            return b;
        }
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static <T> Map<String, List<Object>> group(Collection<Object> facts, Class<T> type, Function<T, String> key) {
        Map<String, List<Object>> groups = new TreeMap<>();
        for (Object f : facts) {
            if (type.isInstance(f)) {
                groups.computeIfAbsent(key.apply(type.cast(f)), k -> new ArrayList<>()).add(f);
            }
        }
        return groups;
    }

    /** Independent votes: 1 - product of (1 - c). Sorted first so rounding never depends on fact order. */
    private static double combine(List<Scored> scored) {
        double[] cs = scored.stream().mapToDouble(Scored::certainty).sorted().toArray();
        double none = 1.0;
        for (double c : cs) {
            none *= 1.0 - c;
        }
        return 1.0 - none;
    }

    private static double round(double score) {
        return Math.round(score * 100.0) / 100.0;
    }

    private static List<Explanation> nodes(List<Scored> scored) {
        return scored.stream().map(Scored::node).toList();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Advice texts per finding subject, foods first, then in the order of the advice table. */
    private Map<String, List<String>> advice(Collection<Object> facts, Questionnaire q) {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (Object f : facts) {
            if (f instanceof Advice a) {
                ids.computeIfAbsent(a.subject(), k -> new LinkedHashSet<>()).add(a.id());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        ids.forEach((subject, set) -> {
            List<String> texts = new ArrayList<>();
            if (set.contains("foods")) {
                String foods = foods(subject, q);
                if (foods != null) {
                    texts.add(foods);
                }
            }
            set.stream().filter(id -> !id.equals("foods") && data.advice().containsKey(id))
                    .sorted(Comparator.comparingInt(adviceOrder::get))
                    .forEach(id -> texts.add(data.advice().get(id).text()));
            out.put(subject, texts);
        });
        return out;
    }

    /** The foods the articles name for a nutrient, leaving out every category the person's diet excludes. */
    private String foods(String nutrient, Questionnaire q) {
        Object diet = q.answers().get("diet");
        return foodsText.computeIfAbsent(nutrient + "|" + diet, k -> java.util.Optional.ofNullable(foodsFor(nutrient, diet)))
                .orElse(null);
    }

    private String foodsFor(String nutrient, Object diet) {
        Set<String> excluded = diet == null ? Set.of() : data.dietExclusions().getOrDefault(diet.toString(), Set.of());
        List<String> foods = data.foods().stream()
                .filter(f -> f.nutrient().equals(nutrient) && !excluded.contains(f.category()))
                .map(ReferenceData.Food::food).distinct().toList();
        if (foods.isEmpty()) {
            return null;
        }
        return "Eat more foods rich in " + data.label("deficiency", nutrient) + ": " + String.join(", ", foods) + ".";
    }

    /** Builds and scores explanation nodes, memoised per fact, for one assessment. */
    private final class Explainer {
        private final Questionnaire q;
        private final Map<Object, DerivationRecorder.Derivation> derivations;
        private final Map<Object, Scored> memo = new IdentityHashMap<>();

        Explainer(Questionnaire q, Map<Object, DerivationRecorder.Derivation> derivations) {
            this.q = q;
            this.derivations = derivations;
        }

        /**
         * The nodes of these facts, strongest first, one per rule: a rule that fired several times for the
         * same finding (on two answers of one question, or on two causes of the same conclusion) is one
         * piece of evidence whose premises combine, not several votes.
         */
        List<Scored> scored(List<Object> facts) {
            List<Scored> all = new ArrayList<>();
            for (Object f : facts) {
                all.add(scored(f));
            }
            return mergeByRule(all);
        }

        private List<Scored> mergeByRule(List<Scored> scored) {
            Map<String, List<Scored>> byRule = new TreeMap<>();
            for (Scored s : scored) {
                byRule.computeIfAbsent(s.node().rule(), k -> new ArrayList<>()).add(s);
            }
            List<Scored> list = new ArrayList<>();
            for (List<Scored> firings : byRule.values()) {
                list.add(merge(firings));
            }
            list.sort(STRONGEST_FIRST);
            return list;
        }

        private Scored merge(List<Scored> firings) {
            Map<Explanation, Scored> unique = new LinkedHashMap<>();
            firings.forEach(s -> unique.putIfAbsent(s.node(), s));
            List<Scored> distinct = new ArrayList<>(unique.values());
            if (distinct.size() == 1) {
                return distinct.get(0);
            }
            distinct.sort(STRONGEST_FIRST.thenComparing(s -> s.node().toString()));
            Set<String> sources = new LinkedHashSet<>();
            Map<String, Object> answers = answerMap();
            List<Scored> children = new ArrayList<>();
            for (Scored s : distinct) {
                sources.addAll(s.node().sources());
                s.node().answers().forEach((question, value) -> mergeAnswer(answers, question, value));
                children.addAll(s.children());
            }
            List<Scored> kids = mergeByRule(children);
            // Each firing is an alternative support: they combine as independent votes. A chain rule's
            // firings each rest on one conclusion, so its supports are its merged children, which
            // keeps two firings of one rule further down from counting twice.
            boolean chain = distinct.stream().allMatch(s -> s.children().size() == 1);
            double premise = 1.0 - (chain ? kids.stream().mapToDouble(Scored::certainty)
                    : distinct.stream().mapToDouble(Scored::premise))
                    .map(c -> 1.0 - c).sorted().reduce(1.0, (a, b) -> a * b);
            Explanation first = distinct.get(0).node();
            Explanation node = new Explanation(first.rule(), first.claim(), List.copyOf(sources), frozen(answers), nodes(kids));
            return new Scored(node, distinct.get(0).weight(), premise, kids);
        }
        Scored scored(Object fact) {
            Scored known = memo.get(fact);
            if (known != null) {
                return known;
            }
            DerivationRecorder.Derivation d = derivations.get(fact);
            RuleInfo info = kb.rule(d.rule());
            Map<String, Object> answers = answerMap();
            Set<String> sources = new LinkedHashSet<>(info.sources());
            List<Scored> children = new ArrayList<>();
            double premise = 1.0;
            for (Object p : d.premises()) {
                if (p instanceof Answer a) {
                    mergeAnswer(answers, a.question(), answerValue(a));
                } else if (p instanceof Measurement m) {
                    answers.put(m.question(), q.answers().get(m.question()));
                } else if (p instanceof ReferenceRange r) {
                    sources.add(r.source());
                } else if (p instanceof Limit l) {
                    sources.add(l.source());
                } else if (derivations.containsKey(p)) {
                    Scored child = scored(p);
                    premise *= child.certainty();
                    children.add(child);
                }
            }
            children.sort(STRONGEST_FIRST);
            Explanation node = new Explanation(info.name(), info.claim(), List.copyOf(sources), frozen(answers),
                    nodes(children));
            Scored s = new Scored(node, info.weight(), premise, List.copyOf(children));
            memo.put(fact, s);
            return s;
        }

        /** Answers keyed in questionnaire order, as a person reads them. */
        private Map<String, Object> answerMap() {
            return new TreeMap<>(Comparator.comparingInt(kb.data().questions()::order).thenComparing(Function.identity()));
        }

        private Map<String, Object> frozen(Map<String, Object> answers) {
            Map<String, Object> out = new LinkedHashMap<>();
            answers.forEach((k, v) -> out.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
            return out;
        }

        /** An answer as given: yes/no as a boolean, any-of as a list of the matched values, others as text. */
        private Object answerValue(Answer a) {
            return switch (kb.data().questions().get(a.question()).type()) {
                case YES_NO -> a.value().equals("yes");
                case ANY_OF -> List.of(a.value());
                default -> a.value();
            };
        }

        /** Any-of values accumulate in the question's own order; other answers have one value. */
        @SuppressWarnings("unchecked")
        private void mergeAnswer(Map<String, Object> answers, String question, Object value) {
            if (!(value instanceof List<?> added)) {
                answers.putIfAbsent(question, value);
                return;
            }
            List<String> order = kb.data().questions().get(question).values();
            List<String> values = new ArrayList<>((List<String>) answers.getOrDefault(question, List.of()));
            for (Object v : added) {
                if (!values.contains((String) v)) {
                    values.add((String) v);
                }
            }
            values.sort(Comparator.comparingInt(order::indexOf));
            answers.put(question, values);
        }
    }
}

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
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    /**
     * Highest certainty first, then by rule name, then by the node's text. Written out rather than composed
     * from {@code Comparator.comparing...}: the composed form's lambda layers were a tenth of the assembly.
     */
    private static final Comparator<Scored> STRONGEST_FIRST = (a, b) -> {
        int c = Double.compare(b.certainty, a.certainty);
        if (c == 0) {
            c = a.node.rule().compareTo(b.node.rule());
        }
        return c != 0 ? c : a.text().compareTo(b.text());
    };
    private static final Comparator<Finding> HIGHEST_SCORE_FIRST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.subject().compareTo(b.subject());
    };
    private static final Comparator<Finding> MOST_URGENT_FIRST = (a, b) -> {
        int c = Triage.fromId(b.level()).compareTo(Triage.fromId(a.level()));
        return c != 0 ? c : HIGHEST_SCORE_FIRST.compare(a, b);
    };

    private final KnowledgeBase kb;
    private final ReferenceData data;
    /** Positions looked up once: found by linear search per comparison they were a fifth of a batch profile. */
    private final Map<String, Integer> questionOrder = new HashMap<>();
    private final Comparator<String> byQuestionOrder;
    private final Map<String, Integer> adviceOrder = new HashMap<>();
    /** The foods advice per nutrient, then per diet ({@link #ANY_DIET} when none was given); a null text: no foods. */
    private final Map<String, Map<String, String>> foodsText = new HashMap<>();
    private static final String ANY_DIET = "";
    /** Every rule name in sorted order, and each name's position: the rules fired come out sorted without a sort. */
    private final String[] ruleNames;
    private final Map<String, Integer> ruleIndex = new HashMap<>();

    FindingAssembler(KnowledgeBase kb) {
        this.kb = kb;
        this.data = kb.data();
        for (String id : data.questions().ids()) {
            questionOrder.put(id, questionOrder.size());
        }
        this.byQuestionOrder = (a, b) -> {
            int c = Integer.compare(questionOrder.getOrDefault(a, Integer.MAX_VALUE),
                    questionOrder.getOrDefault(b, Integer.MAX_VALUE));
            return c != 0 ? c : a.compareTo(b);
        };
        for (String id : data.advice().keySet()) {
            adviceOrder.put(id, adviceOrder.size());
        }
        for (ReferenceData.Food f : data.foods()) {
            foodsText.computeIfAbsent(f.nutrient(), n -> {
                Map<String, String> byDiet = new HashMap<>();
                byDiet.put(ANY_DIET, foods(n, Set.of()));
                data.dietExclusions().forEach((diet, excluded) -> byDiet.put(diet, foods(n, excluded)));
                return byDiet;
            });
        }
        this.ruleNames = kb.rules().keySet().stream().sorted().toArray(String[]::new);
        for (int i = 0; i < ruleNames.length; i++) {
            ruleIndex.put(ruleNames[i], i);
        }
    }

    /** A node with its certainty; its text, the last tie-break of the order, is rendered only when a tie needs it. */
    private static final class Scored {
        private final Explanation node;
        private final double certainty;
        private String text;

        Scored(Explanation node, double certainty) {
            this.node = node;
            this.certainty = certainty;
        }

        Explanation node() {
            return node;
        }

        double certainty() {
            return certainty;
        }

        String text() {
            if (text == null) {
                StringBuilder b = new StringBuilder(256);
                appendText(b, node);
                text = b.toString();
            }
            return text;
        }

        /**
         * Exactly {@code node.toString()} of the record, which the order has always used to break ties, built
         * without the record's {@code String.format}: that took a twentieth of a batch profile.
         */
        private static void appendText(StringBuilder b, Explanation node) {
            b.append("Explanation[rule=").append(node.rule()).append(", claim=").append(node.claim())
                    .append(", sources=").append(node.sources()).append(", answers=").append(node.answers())
                    .append(", because=[");
            for (int i = 0; i < node.because().size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                appendText(b, node.because().get(i));
            }
            b.append("]]");
        }
    }

    /** The conclusions of one session by kind, each grouped by subject in subject order: one pass over the facts. */
    private static final class Conclusions {
        final Map<String, List<Object>> evidence = new TreeMap<>();
        final Map<String, List<Object>> labs = new TreeMap<>();
        final Map<String, List<Object>> lifestyle = new TreeMap<>();
        final Map<String, List<Object>> differentials = new TreeMap<>();
        final Map<String, List<Object>> flags = new TreeMap<>();
        final Map<String, Set<String>> advice = new TreeMap<>();

        Conclusions(Collection<Object> facts) {
            for (Object f : facts) {
                if (f instanceof DeficiencyEvidence e) {
                    add(evidence, e.nutrient(), f);
                } else if (f instanceof LabResult l) {
                    add(labs, l.nutrient(), f);
                } else if (f instanceof LifestyleFactor l) {
                    add(lifestyle, l.subject(), f);
                } else if (f instanceof DifferentialEvidence d) {
                    add(differentials, d.condition(), f);
                } else if (f instanceof RedFlag r) {
                    add(flags, r.sign(), f);
                } else if (f instanceof Advice a) {
                    advice.computeIfAbsent(a.subject(), k -> new LinkedHashSet<>()).add(a.id());
                }
            }
        }

        private static void add(Map<String, List<Object>> groups, String key, Object fact) {
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
        }
    }

    Assessment assemble(Questionnaire q, Map<Object, DerivationRecorder.Derivation> derivations, Collection<String> fired) {
        Explainer explainer = new Explainer(q, derivations);
        Conclusions conclusions = new Conclusions(derivations.keySet());
        Map<String, List<String>> advice = advice(conclusions.advice, q);

        List<Finding> deficiencies = new ArrayList<>();
        Map<String, List<Object>> evidence = conclusions.evidence;
        Map<String, List<Object>> labs = conclusions.labs;
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
        deficiencies.sort(HIGHEST_SCORE_FIRST);

        List<Finding> findings = new ArrayList<>(deficiencies);
        findings.addAll(simple("lifestyle", conclusions.lifestyle,
                explainer, advice, label -> label + " may be contributing to the twitching"));
        findings.addAll(simple("differential", conclusions.differentials,
                explainer, advice, label -> label + " may explain the movements better"));

        Map<String, List<Object>> flags = conclusions.flags;
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
        redFlags.sort(MOST_URGENT_FIRST);
        findings.addAll(redFlags);
        return new Assessment(q.respondent(), triage, findings, kb.rulesetId(), sortedRules(fired));
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
        out.sort(HIGHEST_SCORE_FIRST);
        return out;
    }

    private List<String> sortedRules(Collection<String> fired) {
        BitSet seen = new BitSet(ruleNames.length);
        List<String> unknown = new ArrayList<>(0);
        for (String name : fired) {
            Integer i = ruleIndex.get(name);
            if (i == null) {
                unknown.add(name);
            } else {
                seen.set(i);
            }
        }
        List<String> out = new ArrayList<>(fired.size());
        for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) {
            out.add(ruleNames[i]);
        }
        if (!unknown.isEmpty()) {
            out.addAll(unknown);
            out.sort(null);
        }
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

    /** Independent votes: 1 - product of (1 - c). Sorted first so rounding never depends on fact order. */
    private static double combine(List<Scored> scored) {
        double[] cs = new double[scored.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = scored.get(i).certainty();
        }
        Arrays.sort(cs);
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
        Explanation[] nodes = new Explanation[scored.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = scored.get(i).node();
        }
        return List.of(nodes);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Advice texts per finding subject, foods first, then in the order of the advice table. */
    private Map<String, List<String>> advice(Map<String, Set<String>> ids, Questionnaire q) {
        Map<String, List<String>> out = new HashMap<>();
        ids.forEach((subject, set) -> {
            List<String> texts = new ArrayList<>();
            if (set.contains("foods")) {
                String foods = foods(subject, q);
                if (foods != null) {
                    texts.add(foods);
                }
            }
            List<String> others = new ArrayList<>(set.size());
            for (String id : set) {
                if (!id.equals("foods") && adviceOrder.containsKey(id)) {
                    others.add(id);
                }
            }
            others.sort(Comparator.comparingInt(adviceOrder::get));
            for (String id : others) {
                texts.add(data.advice().get(id).text());
            }
            out.put(subject, texts);
        });
        return out;
    }

    /** The foods the articles name for a nutrient, leaving out every category the person's diet excludes. */
    private String foods(String nutrient, Questionnaire q) {
        Map<String, String> byDiet = foodsText.get(nutrient);
        if (byDiet == null) {
            return null;
        }
        Object diet = q.answers().get("diet");
        String key = diet == null || !byDiet.containsKey(diet.toString()) ? ANY_DIET : diet.toString();
        return byDiet.get(key);
    }

    private String foods(String nutrient, Set<String> excluded) {
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

        /** Distinct nodes of these facts, strongest first; two identical derivations count once. */
        List<Scored> scored(List<Object> facts) {
            // A handful of facts per finding: comparing them pairwise is cheaper than hashing whole trees.
            List<Scored> list = new ArrayList<>(facts.size());
            for (Object f : facts) {
                Scored s = scored(f);
                int same = indexOfEqual(list, s.node());
                if (same < 0) {
                    list.add(s);
                } else if (s.certainty() > list.get(same).certainty()) {
                    list.set(same, s);
                }
            }
            list.sort(STRONGEST_FIRST);
            return list;
        }

        private int indexOfEqual(List<Scored> list, Explanation node) {
            for (int i = 0; i < list.size(); i++) {
                Explanation other = list.get(i).node();
                if (other == node || (other.rule().equals(node.rule()) && other.equals(node))) {
                    return i;
                }
            }
            return -1;
        }

        Scored scored(Object fact) {
            Scored known = memo.get(fact);
            if (known != null) {
                return known;
            }
            DerivationRecorder.Derivation d = derivations.get(fact);
            RuleInfo info = kb.rule(d.rule());
            double certainty = info.weight();
            Map<String, Object> answers = new TreeMap<>(byQuestionOrder);
            // Most rules cite only their own sources: their list is shared instead of copied per node.
            Set<String> sources = null;
            List<Object> derived = new ArrayList<>();
            for (Object p : d.premises()) {
                if (p instanceof Answer a) {
                    addAnswer(answers, a);
                } else if (p instanceof Measurement m) {
                    answers.put(m.question(), q.answers().get(m.question()));
                } else if (p instanceof ReferenceRange r) {
                    sources = withSource(sources, info, r.source());
                } else if (p instanceof Limit l) {
                    sources = withSource(sources, info, l.source());
                } else if (derivations.containsKey(p)) {
                    derived.add(p);
                }
            }
            List<Scored> children = new ArrayList<>();
            for (Object p : derived) {
                Scored child = scored(p);
                certainty *= child.certainty();
                children.add(child);
            }
            children.sort(STRONGEST_FIRST);
            answers.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
            Explanation node = new Explanation(info.name(), info.claim(),
                    sources == null ? info.sources() : List.copyOf(sources), answers, nodes(children));
            Scored s = new Scored(node, certainty);
            memo.put(fact, s);
            return s;
        }

        private Set<String> withSource(Set<String> sources, RuleInfo info, String source) {
            Set<String> out = sources == null ? new LinkedHashSet<>(info.sources()) : sources;
            out.add(source);
            return out;
        }

        @SuppressWarnings("unchecked")
        private void addAnswer(Map<String, Object> answers, Answer a) {
            Question question = kb.data().questions().get(a.question());
            switch (question.type()) {
                case YES_NO -> answers.put(a.question(), a.value().equals("yes"));
                case ANY_OF -> {
                    List<String> values = (List<String>) answers.get(a.question());
                    if (values == null) {
                        values = new ArrayList<>(2);
                        answers.put(a.question(), values);
                    }
                    if (!values.contains(a.value())) {
                        // Kept in the order the question lists its values, as a person reads them.
                        int rank = question.values().indexOf(a.value());
                        int at = 0;
                        while (at < values.size() && question.values().indexOf(values.get(at)) < rank) {
                            at++;
                        }
                        values.add(at, a.value());
                    }
                }
                default -> answers.put(a.question(), a.value());
            }
        }
    }
}

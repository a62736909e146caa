package org.twitchadvisor.internal.explain;

import org.twitchadvisor.internal.engine.RuleInfo;

import org.twitchadvisor.internal.engine.DerivationRecorder;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.engine.ReferenceData;

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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the derivations recorded in a session into the assessment of the output contract: one finding
 * per subject, its score, level, derivation trees, summary and advice.
 *
 * <p>Scoring (docs/scoring.md): a conclusion's certainty is its rule's {@code @weight} times the
 * certainty of every derived conclusion the rule matched (a chain is only as certain as its links); a
 * finding's score combines the certainties of its distinct pieces of evidence as independent votes,
 * {@code 1 - (1 - c1)(1 - c2)...}, so agreeing evidence raises it and it never passes 1; each cause behind a
 * conclusion that a rule without a weight passes on is its own vote through the rule above. The result does
 * not depend on the order of answers or rule files: every list is sorted before it is combined or output.
 */
public final class FindingAssembler {
    /**
     * Siblings are merged by rule, so the rule name settles every tie. The comparators are written out
     * rather than composed from {@code Comparator.comparing...}: in a batch profile the composed forms'
     * lambda layers were a tenth of the assembly.
     */
    private static final Comparator<Scored> STRONGEST_FIRST = (a, b) -> {
        int c = Double.compare(b.certainty(), a.certainty());
        return c != 0 ? c : a.node().rule().compareTo(b.node().rule());
    };
    /** For the firings of one rule: the node's text breaks ties, exactly as {@code toString()} would. */
    private static final Comparator<Scored> STRONGEST_FIRST_THEN_TEXT = (a, b) -> {
        int c = STRONGEST_FIRST.compare(a, b);
        return c != 0 ? c : text(a.node()).compareTo(text(b.node()));
    };
    private static final Comparator<Finding> HIGHEST_SCORE_FIRST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.subject().compareTo(b.subject());
    };
    private static final Comparator<Finding> MOST_URGENT_FIRST = (a, b) -> {
        int c = Triage.fromId(b.level()).compareTo(Triage.fromId(a.level()));
        return c != 0 ? c : HIGHEST_SCORE_FIRST.compare(a, b);
    };
    private static final String ANY_DIET = "";
    /** The advice id whose text is built from the foods table for the person's diet, and its bit. */
    private static final String FOODS = "foods";
    private static final int FOODS_BIT = 0;

    private final KnowledgeBase kb;
    private final ReferenceData data;
    /** Looked up once: found by a linear search per comparison, question order was a fifth of a batch profile. */
    private final Map<String, Integer> questionOrder = new HashMap<>();
    private final Comparator<String> byQuestionOrder;
    /**
     * Each advice id's bit in a subject's advice set: {@code foods} first, then the advice table in its order,
     * so the set bits, taken in order, are the order the texts are shown in. Why bits: the set is the key of
     * the remembered advice lists, and a bit set compares in a word where a set of strings walked its entries.
     */
    private final Map<String, Integer> adviceBit = new HashMap<>();
    private final List<String> adviceByBit = new ArrayList<>();
    /** The foods advice per nutrient, then per diet ({@link #ANY_DIET} when none is given); a null text: no foods. */
    private final Map<String, Map<String, String>> foodsText = new HashMap<>();
    /**
     * One node per distinct subtree, shared by every assessment of this rule set. Why: a survey repeats the same
     * few trees over and over, and building a node (sorted answers, copies into unmodifiable collections) was
     * most of the assembly; a shared node also makes equal trees identical, which the JSON cache compares cheaply.
     */
    private final Map<NodeKey, Scored> interned = new ConcurrentHashMap<>();
    /** Summaries and advice lists by what they are composed from; see {@link #text}. */
    private final Map<List<?>, Object> texts = new ConcurrentHashMap<>();

    public FindingAssembler(KnowledgeBase kb) {
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
        adviceBit.put(FOODS, FOODS_BIT);
        adviceByBit.add(FOODS);
        for (String id : data.advice().keySet()) {
            if (adviceBit.putIfAbsent(id, adviceByBit.size()) == null) {
                adviceByBit.add(id);
            }
        }
        for (ReferenceData.Food f : data.foods()) {
            foodsText.computeIfAbsent(f.nutrient(), n -> {
                Map<String, String> byDiet = new HashMap<>();
                byDiet.put(ANY_DIET, foodsFor(n, Set.of()));
                data.dietExclusions().forEach((diet, excluded) -> byDiet.put(diet, foodsFor(n, excluded)));
                return byDiet;
            });
        }
    }

    /**
     * Exactly {@code node.toString()} of the record, which has always broken ties between firings of one
     * rule, built without the record's {@code String.format} (a twentieth of a batch profile).
     */
    static String text(Explanation node) {
        StringBuilder b = new StringBuilder(256);
        appendText(b, node);
        return b.toString();
    }

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

    /** The conclusions of one session by kind, each grouped by subject in subject order: one pass over the facts. */
    private static final class Conclusions {
        final Map<String, List<Object>> evidence = new TreeMap<>();
        final Map<String, List<Object>> labs = new TreeMap<>();
        final Map<String, List<Object>> lifestyle = new TreeMap<>();
        final Map<String, List<Object>> differentials = new TreeMap<>();
        final Map<String, List<Object>> flags = new TreeMap<>();
        /** Advice ids per subject, as bits of {@link FindingAssembler#adviceBit}; an id outside the table has none. */
        final Map<String, BitSet> advice = new TreeMap<>();

        Conclusions(Collection<Object> facts, Map<String, Integer> adviceBit) {
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
                    BitSet ids = advice.computeIfAbsent(a.subject(), k -> new BitSet());
                    Integer bit = adviceBit.get(a.id());
                    if (bit != null) {
                        ids.set(bit);
                    }
                }
            }
        }

        private static void add(Map<String, List<Object>> groups, String key, Object fact) {
            List<Object> group = groups.get(key);
            if (group == null) {
                group = new ArrayList<>(4);
                groups.put(key, group);
            }
            group.add(fact);
        }
    }

    /**
     * An explanation node with its certainty: the rule's weight times the certainty of its premises. Equal by
     * identity: {@link #interned} hands out one instance per distinct subtree, so a key that holds a child
     * compares it by reference.
     */
    private static final class Scored {
        private final Explanation node;
        private final double weight;
        private final double premise;
        private final List<Scored> children;
        private final double certainty;
        /**
         * The separate causes this node stands for when its rule has no weight and only passes on what it
         * matched (see {@link #routes}); {@code null} when the node is a judgement of its own rule's weight.
         */
        private final double[] routes;

        /**
         * @param node the node
         * @param weight the rule's weight
         * @param premise the certainty of the derived facts it matched (1 when it rests on answers alone)
         * @param children the scored nodes of those derived facts
         */
        Scored(Explanation node, double weight, double premise, List<Scored> children) {
            this(node, weight, premise, children, weight * premise,
                    passesOn(weight) ? new double[] {weight * premise} : null);
        }

        Scored(Explanation node, double weight, double premise, List<Scored> children, double certainty,
               double[] routes) {
            this.node = node;
            this.weight = weight;
            this.premise = premise;
            this.children = children;
            this.certainty = certainty;
            this.routes = routes;
        }

        Explanation node() {
            return node;
        }

        double weight() {
            return weight;
        }

        double premise() {
            return premise;
        }

        List<Scored> children() {
            return children;
        }

        double certainty() {
            return certainty;
        }

        /**
         * The certainties of the separate causes behind this node, as a rule built on it counts them: a rule
         * without a weight only gives a group of causes one name ("fluid loss") so that later rules are written
         * once, and it must score as if each cause were written into the rule that uses it. So a pass-through
         * node is as many routes as the causes it passes on; any other node is one judgement, its certainty.
         */
        double[] routes() {
            return routes == null ? new double[] {certainty} : routes;
        }
    }

    /**
     * What a node is built from: its rule and what the rule matched, with answers and reference facts by value,
     * a number by the text it was given in, and derived facts by their (interned) node. Equal keys build equal
     * nodes, so one node serves them all. A merged node's premises are the set of nodes it merges.
     */
    private static final class NodeKey {
        private final String rule;
        private final Object premises;
        /** Computed once: a key is hashed for its lookup and compared on every hit. */
        private final int hash;

        /**
         * @param rule the rule's name
         * @param premises what it matched: an array in pattern order, or for a merged node the set of nodes
         */
        NodeKey(String rule, Object premises) {
            this.rule = rule;
            this.premises = premises;
            this.hash = 31 * rule.hashCode() + (premises instanceof Object[] a ? Arrays.hashCode(a) : premises.hashCode());
        }

        Object[] parts() {
            return (Object[]) premises;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NodeKey k && k.hash == hash && k.rule.equals(rule) && (premises instanceof Object[] a
                    ? k.premises instanceof Object[] b && Arrays.equals(a, b) : premises.equals(k.premises));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A number answer as given, which is what its node shows ({@code 12.0} and {@code 12} are written differently). */
    private record Given(String question, Object value) {
    }

    /**
     * Far above the distinct subtrees of a real survey (20,000 synthetic respondents held about 1,300 distinct
     * trees); the bound only keeps a survey full of distinct lab values from hoarding memory.
     */
    private static final int MAX_INTERNED = 10_000;
    /** The rule of a merged node's key: not a rule name (a merge's premises are the set of nodes merged). */
    private static final String MERGED = "\0merged";

    public Assessment assemble(Questionnaire q, Map<Object, DerivationRecorder.Derivation> derivations, List<String> fired) {
        Explainer explainer = new Explainer(q, derivations);
        Conclusions conclusions = new Conclusions(derivations.keySet(), adviceBit);
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
            String strongest = because.get(0).rule();
            String summary = text(List.of("deficiency", nutrient, level, strongest), () -> switch (level) {
                case "ruled_out" -> "Low " + label + " ruled out by your lab value";
                case "confirmed" -> "Low " + label + " confirmed by your lab value";
                default -> capitalize(level) + " low " + label + "; strongest reason: " + strongest;
            });
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
            Triage level = urgency;
            String summary = text(List.of("red_flag", e.getKey(), urgency.id()),
                    () -> (level == Triage.URGENT ? "Seek care promptly: " : "See a doctor: ") + label);
            redFlags.add(new Finding("red_flag", e.getKey(), urgency.id(), round(combine(scored)), summary, nodes(scored),
                    advice.getOrDefault(e.getKey(), List.of())));
        }
        redFlags.sort(MOST_URGENT_FIRST);
        findings.addAll(redFlags);
        return new Assessment(q.respondent(), triage, findings, kb.rulesetId(), fired);
    }

    private List<Finding> simple(String type, Map<String, List<Object>> bySubject, Explainer explainer,
                                 Map<String, List<String>> advice, Function<String, String> summary) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : bySubject.entrySet()) {
            List<Scored> scored = explainer.scored(e.getValue());
            double score = combine(scored);
            String level = score >= likelyFrom() ? "likely" : "possible";
            String subject = e.getKey();
            out.add(new Finding(type, subject, level, round(score), text(List.of(type, subject, level),
                    () -> capitalize(summary.apply(data.label(type, subject))) + " (" + level + ")"), nodes(scored),
                    advice.getOrDefault(e.getKey(), List.of())));
        }
        out.sort(HIGHEST_SCORE_FIRST);
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

    /** Independent votes of the findings' pieces of evidence; see {@link #votes}. */
    private static double combine(List<Scored> scored) {
        double[] cs = new double[scored.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = scored.get(i).certainty();
        }
        return votes(cs);
    }

    /** Independent votes: 1 - product of (1 - c). Sorted first so rounding never depends on fact order. */
    private static double votes(double[] certainties) {
        double[] cs = certainties.clone();
        Arrays.sort(cs);
        double none = 1.0;
        for (double c : cs) {
            none *= 1.0 - c;
        }
        return 1.0 - none;
    }

    /** A rule without a weight (weight 1) only passes on what it matched; see {@code Scored.routes()}. */
    private static boolean passesOn(double weight) {
        return weight == 1.0;
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

    /**
     * A text composed from a few parts, remembered by those parts: summaries and advice lists recur in almost
     * every assessment, and composing them anew (then hashing the new string to write it) showed in profiles.
     */
    @SuppressWarnings("unchecked")
    private <T> T text(List<?> key, Supplier<T> compose) {
        Object known = texts.get(key);
        if (known == null) {
            if (texts.size() >= MAX_INTERNED) {
                texts.clear();
            }
            known = compose.get();
            texts.put(key, known);
        }
        return (T) known;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Advice texts per finding subject, foods first, then in the order of the advice table. */
    private Map<String, List<String>> advice(Map<String, BitSet> ids, Questionnaire q) {
        Map<String, List<String>> out = new HashMap<>();
        Object diet = q.answers().get("diet");
        // The bit set is the key as it is: nothing sets a bit after the session's conclusions are grouped.
        ids.forEach((subject, bits) -> out.put(subject, text(List.of("advice", subject, bits,
                diet == null ? ANY_DIET : diet), () -> adviceTexts(subject, bits, q))));
        return out;
    }

    /** The advice texts of one subject: foods first (as the diet allows), then in the order of the advice table. */
    private List<String> adviceTexts(String subject, BitSet bits, Questionnaire q) {
        List<String> texts = new ArrayList<>();
        if (bits.get(FOODS_BIT)) {
            String foods = foods(subject, q);
            if (foods != null) {
                texts.add(foods);
            }
        }
        for (int bit = bits.nextSetBit(FOODS_BIT + 1); bit >= 0; bit = bits.nextSetBit(bit + 1)) {
            texts.add(data.advice().get(adviceByBit.get(bit)).text());
        }
        return List.copyOf(texts);
    }

    /** The foods the articles name for a nutrient, leaving out every category the person's diet excludes. */
    private String foods(String nutrient, Questionnaire q) {
        Map<String, String> byDiet = foodsText.get(nutrient);
        if (byDiet == null) {
            return null;
        }
        Object diet = q.answers().get("diet");
        return byDiet.get(diet == null || !byDiet.containsKey(diet.toString()) ? ANY_DIET : diet.toString());
    }

    private String foodsFor(String nutrient, Set<String> excluded) {
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
        /** Sized for the conclusions of a busy questionnaire, as the recorder's map is, so it is never rehashed. */
        private final Map<Object, Scored> memo = new IdentityHashMap<>(96);

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
            if (distinctRules(scored)) {
                // The usual case: nothing to merge, and distinct rules never tie, so sorting alone gives the order.
                List<Scored> list = new ArrayList<>(scored);
                list.sort(STRONGEST_FIRST);
                return list;
            }
            Map<String, List<Scored>> byRule = new TreeMap<>();
            for (Scored s : scored) {
                byRule.computeIfAbsent(s.node().rule(), k -> new ArrayList<>()).add(s);
            }
            List<Scored> list = new ArrayList<>();
            for (List<Scored> firings : byRule.values()) {
                if (firings.size() == 1) {
                    list.add(firings.get(0));
                    continue;
                }
                // The merged node depends only on which nodes are merged, so it is shared like any other.
                NodeKey key = new NodeKey(MERGED, new HashSet<>(firings));
                Scored merged = interned.get(key);
                if (merged == null) {
                    merged = intern(key, merge(firings));
                }
                list.add(merged);
            }
            list.sort(STRONGEST_FIRST);
            return list;
        }

        private boolean distinctRules(List<Scored> scored) {
            for (int i = 1; i < scored.size(); i++) {
                String rule = scored.get(i).node().rule();
                for (int j = 0; j < i; j++) {
                    if (scored.get(j).node().rule().equals(rule)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private Scored merge(List<Scored> firings) {
            Map<Explanation, Scored> unique = new LinkedHashMap<>();
            firings.forEach(s -> unique.putIfAbsent(s.node(), s));
            List<Scored> distinct = new ArrayList<>(unique.values());
            if (distinct.size() == 1) {
                return distinct.get(0);
            }
            distinct.sort(STRONGEST_FIRST_THEN_TEXT);
            Set<String> sources = new LinkedHashSet<>();
            Map<String, Object> answers = answerMap();
            List<Scored> children = new ArrayList<>();
            for (Scored s : distinct) {
                sources.addAll(s.node().sources());
                s.node().answers().forEach((question, value) -> mergeAnswer(answers, question, value));
                children.addAll(s.children());
            }
            List<Scored> kids = mergeByRule(children);
            Explanation first = distinct.get(0).node();
            Explanation node = new Explanation(first.rule(), first.claim(), List.copyOf(sources), frozen(answers), nodes(kids));
            double weight = distinct.get(0).weight();
            // A chain rule's firings each rest on one conclusion, so its supports are its merged children, which
            // keeps two firings of one rule further down from counting twice.
            boolean chain = distinct.stream().allMatch(s -> s.children().size() == 1);
            if (chain) {
                return chain(node, weight, kids);
            }
            // Firings on answers alone, or on several conclusions at once: the rule weighs in once.
            double premise = votes(distinct.stream().mapToDouble(Scored::premise).toArray());
            return new Scored(node, weight, premise, kids);
        }
        /**
         * A chain rule fired on several supports. Supports that are judgements (weighted conclusions, such as two
         * reasons for low vitamin D) combine into one premise the rule's weight applies to once; each cause behind
         * a pass-through conclusion (sweating, a diuretic, vomiting behind "fluid loss") is a vote of its own
         * through the rule, so a second cause adds certainty although the rule between has no weight.
         */
        private Scored chain(Explanation node, double weight, List<Scored> kids) {
            List<Double> judged = new ArrayList<>();
            List<Double> supports = new ArrayList<>();
            for (Scored k : kids) {
                if (k.routes == null) {
                    judged.add(k.certainty());
                } else {
                    for (double r : k.routes) {
                        supports.add(r);
                    }
                }
            }
            double premise = votes(kids.stream().mapToDouble(Scored::certainty).toArray());
            if (!judged.isEmpty()) {
                supports.add(votes(judged.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            double[] weighted = supports.stream().mapToDouble(c -> weight * c).toArray();
            return new Scored(node, weight, premise, kids, votes(weighted), passesOn(weight) ? weighted : null);
        }

        Scored scored(Object fact) {
            Scored known = memo.get(fact);
            if (known != null) {
                return known;
            }
            DerivationRecorder.Derivation d = derivations.get(fact);
            List<Object> premises = d.premises();
            Object[] parts = new Object[premises.size()];
            for (int i = 0; i < parts.length; i++) {
                Object p = premises.get(i);
                parts[i] = p instanceof Measurement m ? new Given(m.question(), q.answers().get(m.question()))
                        : derivations.containsKey(p) ? scored(p) : p;
            }
            NodeKey key = new NodeKey(d.rule(), parts);
            Scored s = interned.get(key);
            if (s == null) {
                s = intern(key, build(key));
            }
            memo.put(fact, s);
            return s;
        }

        private Scored intern(NodeKey key, Scored s) {
            if (interned.size() >= MAX_INTERNED) {
                interned.clear();
            }
            Scored raced = interned.putIfAbsent(key, s);
            return raced != null ? raced : s;
        }

        private Scored build(NodeKey key) {
            RuleInfo info = kb.rule(key.rule);
            Map<String, Object> answers = answerMap();
            // Most rules cite only their own sources: their list is shared instead of copied into a set per node.
            Set<String> sources = null;
            List<Scored> children = new ArrayList<>();
            double premise = 1.0;
            for (Object p : key.parts()) {
                if (p instanceof Answer a) {
                    mergeAnswer(answers, a.question(), answerValue(a));
                } else if (p instanceof Given g) {
                    answers.put(g.question(), g.value());
                } else if (p instanceof ReferenceRange r) {
                    sources = withSource(sources, info, r.source());
                } else if (p instanceof Limit l) {
                    sources = withSource(sources, info, l.source());
                } else if (p instanceof Scored child) {
                    premise *= child.certainty();
                    children.add(child);
                }
            }
            children.sort(STRONGEST_FIRST);
            Explanation node = new Explanation(info.name(), info.claim(),
                    sources == null ? info.sources() : List.copyOf(sources), frozen(answers),
                    nodes(children));
            if (passesOn(info.weight()) && children.size() == 1) {
                // Passes on the causes of the one conclusion it matched, each still its own route.
                Scored only = children.get(0);
                return new Scored(node, info.weight(), premise, List.copyOf(children), premise, only.routes());
            }
            return new Scored(node, info.weight(), premise, List.copyOf(children));
        }

        private Set<String> withSource(Set<String> sources, RuleInfo info, String source) {
            Set<String> out = sources == null ? new LinkedHashSet<>(info.sources()) : sources;
            out.add(source);
            return out;
        }

        /** Answers keyed in questionnaire order, as a person reads them. */
        private Map<String, Object> answerMap() {
            return new TreeMap<>(byQuestionOrder);
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
            // The lists in this map are always ones made here, so they are extended in place, each value
            // inserted at its rank rather than the list re-sorted with a lambda per call.
            List<String> values = (List<String>) answers.get(question);
            if (values == null) {
                values = new ArrayList<>(added.size());
                answers.put(question, values);
            }
            for (Object v : added) {
                String item = (String) v;
                if (!values.contains(item)) {
                    int rank = order.indexOf(item);
                    int at = 0;
                    while (at < values.size() && order.indexOf(values.get(at)) <= rank) {
                        at++;
                    }
                    values.add(at, item);
                }
            }
        }
    }
}

package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.WaitingRule;
import org.twitchadvisor.internal.engine.ReferenceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * WHY a question is asked: the rules that would fire, or stop firing, under its candidate answers, and what that
 * would do to each finding. Read off the assessments with and without each answer, so it names exactly the rules
 * whose firing depends on the answer.
 */
final class Why {
    /** Effects in the order a person should read them: what raises urgency first. */
    static final List<String> EFFECTS = List.of("raises triage", "confirms", "rules out", "adds", "strengthens",
            "weakens", "removes");

    /** How many answers and rules one line of the text names; the waiting list has them all. */
    private static final int SHOWN = 3;

    private final ReferenceData data;

    Why(ReferenceData data) {
        this.data = data;
    }

    /** One waiting rule while it is collected: which finding, and every answer that wakes it. */
    private record Entry(String rule, String claim, List<String> sources, String effect, String type, String subject,
                         String level, Set<String> answers) {
    }

    /** What the rules waiting on one question would do. */
    record Answer(List<WaitingRule> waiting, String text) {
    }

    /**
     * @param question the question asked
     * @param base the assessment now
     * @param outcomes the outcomes of its candidate answers
     * @return the waiting rules, most urgent effect first, and the same in plain words
     */
    Answer explain(String question, Assessment base, List<Outcome> outcomes) {
        Map<String, Map<String, Explanation>> baseTrees = trees(base);
        Map<String, Finding> baseFindings = findings(base);
        Map<List<String>, Entry> entries = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            Assessment with = o.assessment();
            Map<String, Map<String, Explanation>> trees = trees(with);
            Set<String> fired = Set.copyOf(with.rulesFired());
            for (Finding f : with.findings()) {
                String key = Difference.key(f);
                Finding was = baseFindings.get(key);
                String effect = effect(base, with, was, f);
                if (effect != null) {
                    Map<String, Explanation> before = baseTrees.getOrDefault(key, Map.of());
                    trees.get(key).forEach((rule, node) -> {
                        if (!before.containsKey(rule)) {
                            add(entries, node, effect, f, o);
                        }
                    });
                }
            }
            for (Finding was : base.findings()) {
                String key = Difference.key(was);
                Finding now = findings(with).get(key);
                String effect = now == null ? "removes" : now.score() < was.score() && !now.level().equals("ruled_out")
                        ? "weakens" : null;
                if (effect != null) {
                    Map<String, Explanation> after = trees.getOrDefault(key, Map.of());
                    baseTrees.get(key).forEach((rule, node) -> {
                        if (!after.containsKey(rule) && !fired.contains(rule)) {
                            add(entries, node, effect, was, o);
                        }
                    });
                }
            }
        }
        List<Entry> sorted = new ArrayList<>(entries.values());
        Map<String, Integer> subjects = new HashMap<>();
        sorted.forEach(e -> subjects.putIfAbsent(e.subject(), subjects.size()));
        sorted.sort(Comparator.<Entry>comparingInt(e -> EFFECTS.indexOf(e.effect())).thenComparingInt(e -> subjects.get(e.subject())));
        List<WaitingRule> waiting = sorted.stream().map(e -> new WaitingRule(e.rule(), e.claim(), e.sources(), e.effect(),
                e.subject(), List.copyOf(e.answers()))).toList();
        return new Answer(waiting, text(question, base, sorted));
    }

    private static void add(Map<List<String>, Entry> entries, Explanation node, String effect, Finding f, Outcome o) {
        Entry e = entries.computeIfAbsent(List.of(node.rule(), f.type(), f.subject(), effect), k -> new Entry(node.rule(),
                node.claim(), node.sources(), effect, f.type(), f.subject(), f.level(), new LinkedHashSet<>()));
        // Outcomes come answer first, then the questions it opens: when the answer alone wakes the rule, the longer
        // chains through it say nothing more.
        for (int i = 1; i < o.answers().size(); i++) {
            if (e.answers().contains(String.join(" & ", o.answers().subList(0, i)))) {
                return;
            }
        }
        e.answers().add(o.label());
    }

    /** What an answer does to one finding, or {@code null} when it only adds weight that changes nothing. */
    private static String effect(Assessment base, Assessment with, Finding was, Finding f) {
        if (f.type().equals("red_flag")) {
            if (with.triage().ordinal() > base.triage().ordinal() && f.level().equals(with.triage().id())) {
                return "raises triage";
            }
            return was == null ? "adds" : null;
        }
        if (f.level().equals("ruled_out") && (was == null || !was.level().equals("ruled_out"))) {
            return "rules out";
        }
        if (f.level().equals("confirmed") && (was == null || !was.level().equals("confirmed"))) {
            return "confirms";
        }
        if (was == null) {
            return "adds";
        }
        if (f.score() > was.score()) {
            return "strengthens";
        }
        return f.score() < was.score() ? "weakens" : null;
    }

    /** Each finding's rules, by name, with the first node that names each: what a rule concluded and why. */
    private static Map<String, Map<String, Explanation>> trees(Assessment a) {
        Map<String, Map<String, Explanation>> trees = new HashMap<>();
        for (Finding f : a.findings()) {
            Map<String, Explanation> rules = new LinkedHashMap<>();
            f.because().forEach(e -> walk(e, rules));
            trees.put(Difference.key(f), rules);
        }
        return trees;
    }

    private static void walk(Explanation e, Map<String, Explanation> rules) {
        rules.putIfAbsent(e.rule(), e);
        e.because().forEach(c -> walk(c, rules));
    }

    private static Map<String, Finding> findings(Assessment a) {
        Map<String, Finding> byKey = new HashMap<>();
        a.findings().forEach(f -> byKey.put(Difference.key(f), f));
        return byKey;
    }

    /**
     * One line per effect and the rules that have it: which answers, what they would do to which findings, by which
     * rules and sources. Findings the same rules would change the same way share a line (a lab value confirms
     * whichever nutrient it measures).
     */
    private String text(String question, Assessment base, List<Entry> entries) {
        Map<String, Finding> now = findings(base);
        Map<List<String>, List<Entry>> bySubject = new LinkedHashMap<>();
        entries.forEach(e -> bySubject.computeIfAbsent(List.of(e.effect(), e.type(), e.subject()), k -> new ArrayList<>()).add(e));
        Map<List<String>, List<List<Entry>>> lines = new LinkedHashMap<>();
        for (List<Entry> group : bySubject.values()) {
            List<String> key = new ArrayList<>(List.of(group.get(0).effect()));
            group.forEach(e -> key.add(e.rule()));
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(group);
        }
        List<String> out = new ArrayList<>();
        for (List<List<Entry>> groups : lines.values()) {
            Set<String> answers = new LinkedHashSet<>();
            Map<String, Set<String>> sources = new LinkedHashMap<>();
            List<String> findings = new ArrayList<>();
            for (List<Entry> group : groups) {
                Entry first = group.get(0);
                findings.add(phrase(first, now.get(first.type() + ":" + first.subject())));
                for (Entry e : group) {
                    answers.addAll(e.answers());
                    sources.computeIfAbsent(e.rule(), r -> new LinkedHashSet<>()).addAll(e.sources());
                }
            }
            String rules = sources.entrySet().stream().limit(SHOWN)
                    .map(r -> "\"" + r.getKey() + "\" [" + String.join(", ", r.getValue()) + "]")
                    .collect(Collectors.joining("; "))
                    + (sources.size() > SHOWN ? "; and " + (sources.size() - SHOWN) + " more rules" : "");
            out.add("If you answer " + answers(question, answers) + ", that " + effect(groups.get(0).get(0))
                    + " " + or(findings) + ": " + rules + ".");
        }
        return String.join("\n", out);
    }

    private static String effect(Entry e) {
        return switch (e.effect()) {
            case "raises triage" -> "raises the triage to " + (e.level().equals("urgent") ? "urgent" : "see a doctor")
                    + " for";
            default -> e.effect();
        };
    }

    /** The finding and how it stands now: "low magnesium (now possible, score 0.27)". */
    private String phrase(Entry e, Finding was) {
        String label = label(e.type(), e.subject());
        return was == null || e.type().equals("red_flag") ? label
                : String.format(Locale.ROOT, "%s (now %s, score %.2f)", label, was.level().replace('_', ' '), was.score());
    }

    private static String or(List<String> words) {
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** A finding as a person reads it: "low magnesium", "caffeine", "irregular heartbeat". */
    private String label(String type, String subject) {
        String label = data.label(type, subject);
        return type.equals("deficiency") ? "low " + label : label;
    }

    /**
     * The answers to this question as values ("'tingling' or 'numbness'"); an answer that opens another question
     * names it ("'magnesium' (then lab_magnesium_mmol_l)").
     */
    private static String answers(String question, Set<String> answers) {
        Map<String, Set<String>> opened = new LinkedHashMap<>();
        for (String a : answers) {
            String[] parts = a.split(" & ");
            Set<String> then = opened.computeIfAbsent(parts[0].substring(parts[0].indexOf('=') + 1), k -> new LinkedHashSet<>());
            for (int i = 1; i < parts.length; i++) {
                then.add(parts[i].substring(0, parts[i].indexOf('=')));
            }
        }
        List<String> words = new ArrayList<>();
        opened.forEach((value, then) -> words.add("'" + value + "'" + (then.isEmpty() ? "" : " (then " + String.join(", ", then) + ")")));
        if (words.size() > SHOWN + 1) {
            int more = words.size() - SHOWN;
            words.subList(SHOWN, words.size()).clear();
            words.add(more + " other answers");
        }
        return or(words);
    }
}

package org.twitchadvisor.internal.authoring.lint;

import org.twitchadvisor.Question;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.Triage;
import org.twitchadvisor.internal.questions.QuestionCatalog;
import org.twitchadvisor.internal.engine.ReferenceData;
import org.twitchadvisor.internal.text.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the text values rules compare and conclude against the tables, so that a typo such as
 * {@code "vegn"} is an error rather than a condition that silently never matches: question ids and
 * answers against {@code data/questions.csv}, subjects against {@code data/subjects.csv}, advice ids
 * against {@code data/advice.csv}, and a condition on a conclusion against what some rule concludes.
 */
final class Vocabulary {
    /** Lab verdicts the engine reads, see {@code FindingAssembler}. */
    private static final Set<String> VERDICTS = Set.of("deficient", "borderline", "adequate");

    /** Where the allowed values of a conclusion's field come from. */
    private record Allowed(Set<String> values, String where) {
    }

    private final ReferenceData data;
    private final QuestionCatalog questions;
    private final Map<String, Allowed> conclusionFields = new HashMap<>();

    Vocabulary(ReferenceData data) {
        this.data = data;
        this.questions = data.questions();
        Set<String> allSubjects = new LinkedHashSet<>();
        data.subjects().values().forEach(m -> allSubjects.addAll(m.keySet()));
        for (FactModel.FactType t : FactModel.all()) {
            if (!t.subjectType().isEmpty()) {
                conclusionFields.put(t.name() + "." + t.fields().get(0), new Allowed(data.subjects()
                        .getOrDefault(t.subjectType(), Map.of()).keySet(), "data/subjects.csv (type " + t.subjectType() + ")"));
            }
        }
        conclusionFields.put("Advice.subject", new Allowed(allSubjects, "data/subjects.csv"));
        Set<String> advice = new LinkedHashSet<>(List.of("foods"));
        advice.addAll(data.advice().keySet());
        conclusionFields.put("Advice.id", new Allowed(advice, "data/advice.csv (or \"foods\")"));
        Set<String> urgencies = new LinkedHashSet<>();
        Arrays.stream(Triage.values()).filter(t -> t != Triage.SELF_CARE).forEach(t -> urgencies.add(t.id()));
        conclusionFields.put("RedFlag.urgency", new Allowed(urgencies, "the triage levels"));
        conclusionFields.put("LabResult.verdict", new Allowed(VERDICTS, "the lab verdicts"));
    }

    /**
     * @param rules every rule read
     * @param allParsed whether every file could be parsed; if not, what rules conclude is not fully known
     * @param problems where problems are added
     */
    void check(List<CheckedRule> rules, boolean allParsed, List<RuleProblem> problems) {
        // Per conclusion type and field: the text values rules conclude; null once some rule concludes a $variable there.
        Map<String, List<Set<String>>> concluded = new HashMap<>();
        boolean allActionsRead = allParsed;
        for (CheckedRule r : rules) {
            CheckedRule.Conclusion c = r.conclusion();
            allActionsRead &= r.actionRead();
            if (c == null) {
                continue;
            }
            List<Set<String>> fields = concluded.computeIfAbsent(c.type().name(), k -> {
                List<Set<String>> l = new ArrayList<>();
                c.type().fields().forEach(f -> l.add(new TreeSet<>()));
                return l;
            });
            for (int i = 0; i < c.values().size(); i++) {
                CheckedRule.Value v = c.values().get(i);
                String field = c.type().fields().get(i);
                if (!v.literal()) {
                    fields.set(i, null);
                    continue;
                }
                if (fields.get(i) != null) {
                    fields.get(i).add(v.text());
                }
                Allowed allowed = conclusionFields.get(c.type().name() + "." + field);
                if (allowed != null && !allowed.values().contains(v.text())) {
                    problems.add(error(r, v.at(), c.type().name() + " " + field + " \"" + v.text() + "\" is not in "
                            + allowed.where() + didYouMean(v.text(), allowed.values()) + "; add it there first, or use one of: "
                            + String.join(", ", new TreeSet<>(allowed.values()))));
                }
            }
        }
        for (CheckedRule r : rules) {
            for (CheckedRule.Pattern p : r.patterns()) {
                switch (p.type().name()) {
                    case "Answer" -> answer(r, p, problems);
                    case "Measurement" -> numberQuestions(r, p, "question", problems);
                    case "ReferenceRange" -> {
                        numberQuestions(r, p, "question", problems);
                        known(r, p, "nutrient", data.subjects().getOrDefault("deficiency", Map.of()).keySet(),
                                "data/subjects.csv (type deficiency)", problems);
                    }
                    case "Limit" -> known(r, p, "name", data.limits().keySet(), "data/limits.csv", problems);
                    case "Nutrient" -> known(r, p, "id", data.subjects().getOrDefault("deficiency", Map.of()).keySet(),
                            "data/subjects.csv (type deficiency)", problems);
                    default -> {
                        // What rules conclude is only known once every file and action could be read.
                        if (allActionsRead) {
                            concludedBySomeRule(r, p, concluded.get(p.type().name()), problems);
                        }
                    }
                }
            }
        }
    }

    private static RuleProblem error(CheckedRule r, Token at, String message) {
        return new RuleProblem(r.info().file(), at.line(), at.column(), "error", message);
    }

    private static String didYouMean(String word, Collection<String> known) {
        String best = Text.closest(word, known);
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static List<CheckedRule.Comparison> of(CheckedRule.Pattern p, String field) {
        return p.comparisons().stream().filter(c -> c.field().equals(field)).toList();
    }

    private void answer(CheckedRule r, CheckedRule.Pattern p, List<RuleProblem> problems) {
        List<CheckedRule.Comparison> asked = of(p, "question");
        List<Question> named = new ArrayList<>();
        boolean allKnown = true;
        for (CheckedRule.Comparison c : asked) {
            Question q = questions.get(c.value());
            if (q == null) {
                String near = questions.closest(c.value());
                problems.add(error(r, c.at(), "there is no question \"" + c.value() + "\" in " + QuestionCatalog.FILE
                        + (near == null ? "" : " (did you mean \"" + near + "\"?)") + ", so this condition would never match"));
                allKnown = false;
            } else if (q.type() == Question.Type.NUMBER) {
                problems.add(error(r, c.at(), "\"" + c.value() + "\" is a number question: compare it with Measurement("
                        + "question == \"" + c.value() + "\", value > ...), not Answer"));
                allKnown = false;
            } else if (q.type() == Question.Type.TEXT) {
                problems.add(error(r, c.at(), "\"" + c.value() + "\" is a text question, which rules do not see"));
                allKnown = false;
            } else {
                named.add(q);
            }
        }
        if (!allKnown) {
            return;
        }
        Set<String> allowed = new LinkedHashSet<>();
        List<Question> from = asked.isEmpty() ? questions.all().stream().toList() : named;
        from.forEach(q -> allowed.addAll(QuestionCatalog.answerValues(q)));
        String which = asked.isEmpty() ? "any question"
                : named.size() == 1 ? "question \"" + named.get(0).id() + "\"" : "questions " + named.stream()
                .map(q -> "\"" + q.id() + "\"").reduce((a, b) -> a + ", " + b).orElse("");
        for (CheckedRule.Comparison c : of(p, "value")) {
            if (!allowed.contains(c.value())) {
                problems.add(error(r, c.at(), "\"" + c.value() + "\" is not an answer to " + which
                        + didYouMean(c.value(), allowed) + (asked.isEmpty() ? "" : "; its answers are " + String.join(", ", allowed))
                        + ". A value nobody can answer makes the condition silently never match"));
            }
        }
    }

    private void numberQuestions(CheckedRule r, CheckedRule.Pattern p, String field, List<RuleProblem> problems) {
        for (CheckedRule.Comparison c : of(p, field)) {
            Question q = questions.get(c.value());
            if (q == null || q.type() != Question.Type.NUMBER) {
                List<String> numbers = questions.all().stream().filter(x -> x.type() == Question.Type.NUMBER)
                        .map(Question::id).toList();
                problems.add(error(r, c.at(), "\"" + c.value() + "\" is not a number question of " + QuestionCatalog.FILE
                        + didYouMean(c.value(), numbers) + "; the number questions are " + String.join(", ", numbers)));
            }
        }
    }

    private static void known(CheckedRule r, CheckedRule.Pattern p, String field, Set<String> allowed, String where,
                              List<RuleProblem> problems) {
        for (CheckedRule.Comparison c : of(p, field)) {
            if (!allowed.contains(c.value())) {
                problems.add(error(r, c.at(), p.type().name() + " " + field + " \"" + c.value() + "\" is not in " + where
                        + didYouMean(c.value(), allowed) + ", so this condition would never match; it has "
                        + String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    private static void concludedBySomeRule(CheckedRule r, CheckedRule.Pattern p, List<Set<String>> concluded,
                                            List<RuleProblem> problems) {
        String type = p.type().name();
        if (concluded == null) {
            problems.add(error(r, p.at(), "no rule concludes " + type + ", so this condition never matches"));
            return;
        }
        for (CheckedRule.Comparison c : p.comparisons()) {
            Set<String> values = concluded.get(p.type().fields().indexOf(c.field()));
            if (values != null && !values.contains(c.value())) {
                problems.add(error(r, c.at(), "no rule concludes " + type + " with " + c.field() + " \"" + c.value()
                        + "\"" + didYouMean(c.value(), values) + ", so this condition never matches; rules conclude "
                        + c.field() + " " + String.join(", ", values)));
            }
        }
    }
}

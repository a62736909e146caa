package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.questions.QuestionCatalog;

import org.twitchadvisor.Question;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.facts.Limit;
import org.twitchadvisor.facts.ReferenceRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reference tables of {@code rules/data/}: questions, sources, subjects and their labels, lab ranges,
 * limits, foods, diets and advice texts. Values that rules compare against or that reach a person are
 * kept here as data, so an expert changes them in a spreadsheet, not in a rule.
 *
 * @param questions the question definitions
 * @param sources registered sources by id, in table order
 * @param subjects finding subjects: type to (id to label), in table order
 * @param referenceRanges lab reference ranges
 * @param limits named limits by name
 * @param foods food sources per nutrient, in table order
 * @param dietExclusions diet id to the food categories it excludes
 * @param advice advice texts by id, in table order
 */
public record ReferenceData(QuestionCatalog questions, Map<String, Source> sources,
                            Map<String, Map<String, String>> subjects, List<ReferenceRange> referenceRanges,
                            Map<String, Limit> limits, List<Food> foods, Map<String, Set<String>> dietExclusions,
                            Map<String, AdviceText> advice) {

    /** Registry of sources, relative to the rules folder. */
    public static final String SOURCES = "data/sources.csv";
    static final String SUBJECTS = "data/subjects.csv";
    static final String RANGES = "data/reference-ranges.csv";
    static final String LIMITS = "data/limits.csv";
    static final String FOODS = "data/foods.csv";
    static final String DIETS = "data/diets.csv";
    static final String ADVICE = "data/advice.csv";
    /** The finding types of the output contract. */
    public static final List<String> FINDING_TYPES = List.of("deficiency", "lifestyle", "differential", "red_flag");

    /** A registered source: one of the five articles or an external reference. */
    public record Source(String id, String title, String kind, String topic, String location) {
    }

    /** A food the articles name as a source of a nutrient, with the category diets exclude by. */
    public record Food(String nutrient, String food, String category, List<String> sources) {
    }

    /** The text of one piece of advice and the sources that give it. */
    public record AdviceText(String id, String text, List<String> sources) {
    }

    /**
     * Reads and cross-checks every table.
     *
     * @param folder the rule files
     * @param problems where problems are added, as file:line
     * @return the tables; partial when problems were found
     */
    public static ReferenceData read(RuleFolder folder, List<RuleProblem> problems) {
        QuestionCatalog questions = QuestionCatalog.from(table(folder, QuestionCatalog.FILE, QuestionCatalog.COLUMNS,
                QuestionCatalog.OPTIONAL_COLUMNS, problems), problems);

        Map<String, Source> sources = new LinkedHashMap<>();
        for (Table.Row r : table(folder, SOURCES, List.of("id", "title", "kind", "topic", "location"), problems).rows()) {
            if (sources.putIfAbsent(r.get("id"), new Source(r.get("id"), r.get("title"), r.get("kind"), r.get("topic"),
                    r.get("location"))) != null) {
                problems.add(error(r, "source '" + r.get("id") + "' is registered twice"));
            }
        }

        Map<String, Map<String, String>> subjects = new LinkedHashMap<>();
        FINDING_TYPES.forEach(t -> subjects.put(t, new LinkedHashMap<>()));
        for (Table.Row r : table(folder, SUBJECTS, List.of("type", "id", "label"), problems).rows()) {
            Map<String, String> ofType = subjects.get(r.get("type"));
            if (ofType == null) {
                problems.add(error(r, "type '" + r.get("type") + "' is not one of " + String.join(", ", FINDING_TYPES)));
            } else {
                ofType.put(r.get("id"), r.get("label"));
            }
        }
        Map<String, String> nutrients = subjects.get("deficiency");

        List<ReferenceRange> ranges = new ArrayList<>();
        for (Table.Row r : table(folder, RANGES, List.of("question", "nutrient", "deficient_below", "adequate_from", "unit", "source"), problems).rows()) {
            Question q = questions.get(r.get("question"));
            if (q == null || q.type() != Question.Type.NUMBER) {
                problems.add(error(r, "'" + r.get("question") + "' is not a number question of " + QuestionCatalog.FILE));
            }
            known(r, "nutrient", nutrients.keySet(), problems);
            cites(r, List.of(r.get("source")), sources, problems);
            Double low = number(r, "deficient_below", problems);
            Double high = number(r, "adequate_from", problems);
            if (low != null && high != null) {
                if (low > high) {
                    problems.add(error(r, "deficient_below (" + low + ") is above adequate_from (" + high + ")"));
                }
                ranges.add(new ReferenceRange(r.get("question"), r.get("nutrient"), low, high, r.get("unit"), r.get("source")));
            }
        }

        Map<String, Limit> limits = new LinkedHashMap<>();
        for (Table.Row r : table(folder, LIMITS, List.of("name", "value", "unit", "source"), problems).rows()) {
            cites(r, List.of(r.get("source")), sources, problems);
            Double v = number(r, "value", problems);
            if (v != null) {
                limits.put(r.get("name"), new Limit(r.get("name"), v, r.get("unit"), r.get("source")));
            }
        }

        Map<String, Set<String>> diets = new LinkedHashMap<>();
        Question diet = questions.get("diet");
        for (Table.Row r : table(folder, DIETS, List.of("diet", "excludes"), problems).rows()) {
            if (diet != null && !diet.values().contains(r.get("diet"))) {
                problems.add(error(r, "diet '" + r.get("diet") + "' is not a value of question 'diet' ("
                        + String.join(", ", diet.values()) + ")"));
            }
            diets.put(r.get("diet"), Set.copyOf(list(r.get("excludes"))));
        }

        List<Food> foods = new ArrayList<>();
        for (Table.Row r : table(folder, FOODS, List.of("nutrient", "food", "category", "sources"), problems).rows()) {
            known(r, "nutrient", nutrients.keySet(), problems);
            cites(r, list(r.get("sources")), sources, problems);
            foods.add(new Food(r.get("nutrient"), r.get("food"), r.get("category"), list(r.get("sources"))));
        }

        Map<String, AdviceText> advice = new LinkedHashMap<>();
        for (Table.Row r : table(folder, ADVICE, List.of("id", "text", "sources"), problems).rows()) {
            cites(r, list(r.get("sources")), sources, problems);
            advice.put(r.get("id"), new AdviceText(r.get("id"), r.get("text"), list(r.get("sources"))));
        }
        // Table order is kept: the catalogue and the messages list sources and subjects as the tables do.
        Map<String, Map<String, String>> frozenSubjects = new LinkedHashMap<>();
        subjects.forEach((k, v) -> frozenSubjects.put(k, Collections.unmodifiableMap(v)));
        return new ReferenceData(questions, Collections.unmodifiableMap(sources),
                Collections.unmodifiableMap(frozenSubjects), List.copyOf(ranges),
                Map.copyOf(limits), List.copyOf(foods), Map.copyOf(diets), Collections.unmodifiableMap(advice));
    }

    private static Table table(RuleFolder folder, String file, List<String> columns, List<RuleProblem> problems) {
        return table(folder, file, columns, List.of(), problems);
    }

    private static Table table(RuleFolder folder, String file, List<String> columns, List<String> optional,
                               List<RuleProblem> problems) {
        String text = folder.files().get(file);
        if (text == null) {
            problems.add(new RuleProblem(file, 0, 0, "error", "the table is missing from the rules folder"));
            return Table.parse(file, "", columns, new ArrayList<>());
        }
        return Table.parse(file, text, columns, optional, problems);
    }

    static List<String> list(String cell) {
        return Arrays.stream(cell.split("[;,]")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static void known(Table.Row r, String column, Set<String> allowed, List<RuleProblem> problems) {
        if (!allowed.contains(r.get(column))) {
            problems.add(error(r, column + " '" + r.get(column) + "' is not one of " + String.join(", ", allowed)));
        }
    }

    private static void cites(Table.Row r, List<String> ids, Map<String, Source> sources, List<RuleProblem> problems) {
        if (ids.isEmpty()) {
            problems.add(error(r, "the row cites no source"));
        }
        for (String id : ids) {
            if (!sources.containsKey(id)) {
                problems.add(error(r, "source '" + id + "' is not registered in " + SOURCES));
            }
        }
    }

    private static Double number(Table.Row r, String column, List<RuleProblem> problems) {
        try {
            return Double.valueOf(r.get(column));
        } catch (NumberFormatException e) {
            problems.add(error(r, column + " must be a number, not '" + r.get(column) + "'"));
            return null;
        }
    }

    private static RuleProblem error(Table.Row r, String message) {
        return new RuleProblem(r.file(), r.line(), 1, "error", message);
    }

    /**
     * The label of a finding subject for people, e.g. "vitamin B12" for {@code vitamin_b12}.
     *
     * @param type the finding type
     * @param subject the subject id
     * @return its label, or the id with spaces when the table has none
     */
    public String label(String type, String subject) {
        String l = subjects.getOrDefault(type, Map.of()).get(subject);
        return l == null || l.isEmpty() ? subject.replace('_', ' ') : l;
    }

    /**
     * A limit's value.
     *
     * @param name the limit's name
     * @param fallback used when the table lacks it
     * @return the value
     */
    public double limit(String name, double fallback) {
        Limit l = limits.get(name);
        return l == null ? fallback : l.value();
    }
}

package org.twitchadvisor.internal.questions;

import org.twitchadvisor.internal.engine.Table;
import org.twitchadvisor.internal.text.Text;

import org.twitchadvisor.Question;
import org.twitchadvisor.RuleProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The question definitions of {@code rules/data/questions.csv}: ids, types, allowed values, units and
 * wording. The parser, the documentation and the rule checks all read this one table.
 */
public final class QuestionCatalog {
    /** The file the definitions live in, relative to the rules folder. */
    public static final String FILE = "data/questions.csv";
    public static final List<String> COLUMNS = List.of("id", "type", "values", "unit", "min", "max", "text");
    /** Columns a table written before they existed may lack: without {@code ask_if} every question applies. */
    public static final List<String> OPTIONAL_COLUMNS = List.of(SkipLogic.COLUMN);

    private final Map<String, Question> byId;
    /** Positions by id: answers are sorted by them in every assessment, so no linear search. */
    private final Map<String, Integer> positions = new java.util.HashMap<>();

    private QuestionCatalog(Map<String, Question> byId) {
        this.byId = byId;
        for (String id : byId.keySet()) {
            positions.put(id, positions.size());
        }
    }

    /**
     * Reads and checks the definitions.
     *
     * @param table the parsed {@code questions.csv}
     * @param problems where problems are added, with file and line
     * @return the catalog
     */
    public static QuestionCatalog from(Table table, List<RuleProblem> problems) {
        Map<String, Question> byId = new LinkedHashMap<>();
        Map<String, Table.Row> rows = new java.util.HashMap<>();
        for (Table.Row row : table.rows()) {
            String id = row.get("id");
            Question.Type type;
            try {
                type = Question.Type.valueOf(row.get("type").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem(row, "question '" + id + "' has type '" + row.get("type")
                        + "'; the types are text, yes_no, one_of, any_of, number"));
                continue;
            }
            List<String> values = row.get("values").isEmpty() ? List.of()
                    : Arrays.stream(row.get("values").split(";")).map(String::trim)
                    .map(v -> v.toLowerCase(Locale.ROOT)).toList();
            if ((type == Question.Type.ONE_OF || type == Question.Type.ANY_OF) && values.isEmpty()) {
                problems.add(problem(row, "question '" + id + "' is " + type.name().toLowerCase(Locale.ROOT)
                        + " but lists no values"));
            }
            BigDecimal min = number(row, "min", problems);
            BigDecimal max = number(row, "max", problems);
            if (id.isEmpty() || !id.matches("[a-z][a-z0-9_]*")) {
                problems.add(problem(row, "question id '" + id + "' must be lower case letters, digits and _"));
            } else if (byId.putIfAbsent(id, new Question(id, type, values, row.get("unit"), min, max, row.get("text"),
                    SkipLogic.parse(row, problems))) != null) {
                problems.add(problem(row, "question '" + id + "' is defined twice"));
            } else {
                rows.put(id, row);
            }
        }
        SkipLogic.check(byId, rows, problems);
        return new QuestionCatalog(byId);
    }

    private static BigDecimal number(Table.Row row, String column, List<RuleProblem> problems) {
        String cell = row.get(column);
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            problems.add(problem(row, "column '" + column + "' must be a number, not '" + cell + "'"));
            return null;
        }
    }

    private static RuleProblem problem(Table.Row row, String message) {
        return new RuleProblem(row.file(), row.line(), 1, "error", message);
    }

    /** @return the question with this id, or {@code null} */
    public Question get(String id) {
        return byId.get(id);
    }

    /** @return every question, in the table's order */
    public Collection<Question> all() {
        return byId.values();
    }

    /** @return the position of a question in the table, for ordering answers as a person reads them */
    public int order(String id) {
        return positions.getOrDefault(id, Integer.MAX_VALUE);
    }

    /**
     * The known question id closest to an unknown one, to suggest a fix for a typo.
     *
     * @param unknown the id that is not defined
     * @return the closest id within two edits, or {@code null}
     */
    public String closest(String unknown) {
        return Text.closest(unknown, byId.keySet());
    }

    /**
     * The values an {@code Answer} fact can hold for a question: {@code yes}/{@code no}, or the question's own
     * values; none for number and text questions, which give no {@code Answer}.
     *
     * @param q a question
     * @return its answer values
     */
    public static List<String> answerValues(Question q) {
        return switch (q.type()) {
            case YES_NO -> List.of("yes", "no");
            case ONE_OF, ANY_OF -> q.values();
            default -> List.of();
        };
    }

    /**
     * Whether a question applies to the answers so far, by its {@code ask_if} conditions.
     *
     * @param q a question of this catalog
     * @param answers the answers so far, normalised as in {@link org.twitchadvisor.Questionnaire}
     * @return {@code true} when it has no conditions or they all hold
     */
    public boolean applies(Question q, Map<String, Object> answers) {
        return SkipLogic.applies(q, answers);
    }

    /** @return the ids of all questions */
    public List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }
}

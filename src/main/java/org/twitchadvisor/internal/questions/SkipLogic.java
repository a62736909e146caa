package org.twitchadvisor.internal.questions;

import org.twitchadvisor.AskIf;
import org.twitchadvisor.Question;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.internal.engine.Table;
import org.twitchadvisor.internal.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ask_if} column of the question table: its syntax, its checks and whether a question applies to the
 * answers given so far. A cell reads {@code QUESTION=VALUE}, {@code QUESTION=VALUE|VALUE} (either value) or
 * {@code QUESTION answered}, several joined by {@code &}; see docs/authoring.md.
 */
public final class SkipLogic {
    /** The column's name in {@code questions.csv}. */
    public static final String COLUMN = "ask_if";
    private static final String FORM = "QUESTION=VALUE, QUESTION=VALUE|VALUE or QUESTION answered, several joined by &";

    private SkipLogic() {
    }

    /**
     * Reads one cell; a cell that does not parse gives a problem on its row and no conditions.
     *
     * @param row the question's row
     * @param problems where a syntax problem is added
     * @return the conditions, in the cell's order
     */
    static List<AskIf> parse(Table.Row row, List<RuleProblem> problems) {
        String cell = row.get(COLUMN);
        List<AskIf> conditions = new ArrayList<>();
        if (cell.isEmpty()) {
            return conditions;
        }
        for (String part : cell.split("&", -1)) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                String[] words = p.split("\\s+");
                if (words.length == 2 && words[1].equalsIgnoreCase(AskIf.ANSWERED) && !words[0].isEmpty()) {
                    conditions.add(new AskIf(words[0].toLowerCase(Locale.ROOT), AskIf.ANSWERED, null));
                    continue;
                }
                problems.add(problem(row, "question '" + row.get("id") + "': ask_if '" + cell + "' cannot be read at '"
                        + p + "'; write " + FORM));
                return List.of();
            }
            String question = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String[] values = p.substring(eq + 1).split("\\|", -1);
            if (question.isEmpty()) {
                problems.add(problem(row, "question '" + row.get("id") + "': ask_if '" + cell
                        + "' names no question before '='; write " + FORM));
                return List.of();
            }
            for (String v : values) {
                String value = v.trim().toLowerCase(Locale.ROOT);
                if (value.isEmpty()) {
                    problems.add(problem(row, "question '" + row.get("id") + "': ask_if '" + cell
                            + "' has an empty value after '" + question + "='; write " + FORM));
                    return List.of();
                }
                conditions.add(new AskIf(question, AskIf.EQUALS, value));
            }
        }
        return conditions;
    }

    /**
     * Checks every question's conditions against the table: known questions, allowed values, an operator the
     * question's type has, and no circle of questions each waiting on the next (none of them would be asked).
     *
     * @param byId the questions, in table order
     * @param rows each question's row, for file and line
     * @param problems where problems are added
     */
    static void check(Map<String, Question> byId, Map<String, Table.Row> rows, List<RuleProblem> problems) {
        for (Question q : byId.values()) {
            Table.Row row = rows.get(q.id());
            for (AskIf c : q.askIf()) {
                Question on = byId.get(c.question());
                if (on == null) {
                    String near = Text.closest(c.question(), byId.keySet());
                    problems.add(problem(row, "question '" + q.id() + "': ask_if names '" + c.question()
                            + "', which is not a question of " + QuestionCatalog.FILE
                            + (near == null ? "" : " (did you mean '" + near + "'?)")));
                } else if (c.operator().equals(AskIf.EQUALS)) {
                    List<String> allowed = QuestionCatalog.answerValues(on);
                    if (allowed.isEmpty()) {
                        problems.add(problem(row, "question '" + q.id() + "': ask_if compares '" + c.question()
                                + "', a " + on.type().name().toLowerCase(Locale.ROOT) + " question, with '" + c.value()
                                + "'; for such a question write '" + c.question() + " answered'"));
                    } else if (!allowed.contains(c.value())) {
                        String near = Text.closest(c.value(), allowed);
                        problems.add(problem(row, "question '" + q.id() + "': ask_if wants '" + c.question() + "' to be '"
                                + c.value() + "', which is not one of its values (" + String.join(", ", allowed) + ")"
                                + (near == null ? "" : "; did you mean '" + near + "'?")));
                    }
                }
            }
        }
        circles(byId, rows, problems);
    }

    /** Depth-first search for a circle of ask_if references; each circle is reported once, on its first question. */
    private static void circles(Map<String, Question> byId, Map<String, Table.Row> rows, List<RuleProblem> problems) {
        Map<String, Integer> state = new HashMap<>();   // absent: unseen, 1: on the current path, 2: done
        for (String start : byId.keySet()) {
            if (!state.containsKey(start)) {
                visit(start, new ArrayList<>(), byId, rows, state, problems);
            }
        }
    }

    private static void visit(String id, List<String> path, Map<String, Question> byId, Map<String, Table.Row> rows,
                              Map<String, Integer> state, List<RuleProblem> problems) {
        state.put(id, 1);
        path.add(id);
        Set<String> next = new LinkedHashSet<>();
        byId.get(id).askIf().forEach(c -> next.add(c.question()));
        for (String n : next) {
            if (!byId.containsKey(n)) {
                continue;
            }
            Integer s = state.get(n);
            if (s == null) {
                visit(n, path, byId, rows, state, problems);
            } else if (s == 1) {
                List<String> circle = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
                circle.add(n);
                problems.add(problem(rows.get(n), "question '" + n + "': ask_if goes round in a circle ("
                        + String.join(" waits on ", circle) + "), so none of these questions would ever be asked"));
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    /**
     * Whether a question applies to the answers given so far: every question it names is answered as its
     * conditions ask (any of the values named for one question).
     *
     * @param q the question
     * @param answers the answers so far, normalised as in {@link org.twitchadvisor.Questionnaire}
     * @return {@code true} when it has no conditions or they all hold
     */
    public static boolean applies(Question q, Map<String, Object> answers) {
        if (q.askIf().isEmpty()) {
            return true;
        }
        Map<String, Boolean> byQuestion = new LinkedHashMap<>();
        for (AskIf c : q.askIf()) {
            byQuestion.merge(c.question(), holds(c, answers.get(c.question())), Boolean::logicalOr);
        }
        return !byQuestion.containsValue(false);
    }

    private static boolean holds(AskIf c, Object answer) {
        if (answer == null) {
            return false;
        }
        if (c.operator().equals(AskIf.ANSWERED)) {
            return true;
        }
        if (answer instanceof Boolean b) {
            return c.value().equals(b ? "yes" : "no");
        }
        if (answer instanceof List<?> l) {
            return l.contains(c.value());
        }
        return c.value().equals(answer);
    }

    private static RuleProblem problem(Table.Row row, String message) {
        return new RuleProblem(row.file(), row.line(), 1, "error", message);
    }
}

package org.twitchadvisor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Question;
import org.twitchadvisor.Questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns raw answers (a JSON object, or the cells of a CSV row) into a validated {@link Questionnaire},
 * following the questionnaire contract: values are case-insensitive and trimmed, a missing, {@code null}
 * or empty answer is "not answered", and every unknown question or value is reported, not just the first.
 */
public final class QuestionnaireReader {
    /** The question that identifies the respondent. */
    public static final String RESPONDENT = "respondent";

    private final QuestionCatalog catalog;
    private final ObjectMapper mapper;

    /**
     * @param catalog the question definitions
     * @param mapper the JSON mapper to parse text with
     */
    public QuestionnaireReader(QuestionCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /**
     * Parses one questionnaire from JSON text.
     *
     * @param json the JSON object
     * @return the questionnaire
     * @throws InvalidQuestionnaireException naming the syntax error's position or every bad answer
     */
    public Questionnaire readJson(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null, jsonError(e))));
        }
        return fromJson(node);
    }

    /**
     * The message for a JSON syntax error: what is wrong and where, without Jackson's internals.
     *
     * @param e the parse failure
     * @return e.g. "invalid JSON at line 3, column 7: Unexpected character ..."
     */
    public static String jsonError(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        if (e.getLocation() == null) {
            return "invalid JSON: " + what;
        }
        return "invalid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + ": " + what;
    }

    /**
     * Validates a parsed JSON object.
     *
     * @param node the object
     * @return the questionnaire
     * @throws InvalidQuestionnaireException listing every problem
     */
    public Questionnaire fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null,
                    "a questionnaire must be a JSON object of question id to answer, not "
                            + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)))));
        }
        return read(node.fields(), JsonNode::isNull, (q, value, problems) -> jsonValue(q, value, problems));
    }

    /**
     * Validates the cells of one CSV row (header id to cell text), where an empty cell is "not answered".
     *
     * @param cells cell text by column header
     * @return the questionnaire
     * @throws InvalidQuestionnaireException listing every problem
     */
    public Questionnaire fromCells(Map<String, String> cells) {
        return read(cells.entrySet().iterator(), cell -> cell == null || cell.isBlank(),
                (q, cell, problems) -> textValue(q, cell.trim(), true, problems));
    }

    /** Parses one raw answer of a question, adding problems; {@code null} when it could not be parsed. */
    @FunctionalInterface
    private interface ValueParser<T> {
        Object parse(Question question, T raw, List<Problem> problems);
    }

    /** The loop both input forms share: known question ids, unanswered skipped, respondent kept apart. */
    private <T> Questionnaire read(Iterator<Map.Entry<String, T>> entries, Predicate<T> unanswered, ValueParser<T> parser) {
        List<Problem> problems = new ArrayList<>();
        // Sorted as the questionnaire keeps them, so its copy is a linear walk rather than a sort.
        Map<String, Object> answers = new TreeMap<>();
        String respondent = null;
        while (entries.hasNext()) {
            Map.Entry<String, T> entry = entries.next();
            String id = entry.getKey().trim().toLowerCase(Locale.ROOT);
            Question q = known(id, entry.getKey(), problems);
            if (q == null || unanswered.test(entry.getValue())) {
                continue;
            }
            Object parsed = parser.parse(q, entry.getValue(), problems);
            if (parsed == null) {
                continue;
            }
            if (id.equals(RESPONDENT)) {
                respondent = (String) parsed;
            } else {
                answers.put(q.id(), parsed);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(problems);
        }
        return new Questionnaire(respondent, answers);
    }

    private Question known(String id, String given, List<Problem> problems) {
        Question q = catalog.get(id);
        if (q == null) {
            String hint = catalog.closest(id);
            problems.add(new Problem(given, null, "unknown question " + Text.quote(given)
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)")));
        }
        return q;
    }

    private Object jsonValue(Question q, JsonNode value, List<Problem> problems) {
        switch (q.type()) {
            case YES_NO:
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            case NUMBER:
                if (value.isNumber()) {
                    return inRange(q, value.decimalValue(), value.asText(), problems);
                }
                break;
            case ANY_OF:
                if (value.isArray()) {
                    Set<String> chosen = new LinkedHashSet<>();
                    for (JsonNode item : value) {
                        if (!item.isTextual()) {
                            problems.add(new Problem(q.id(), item.toString(), "question '" + q.id() + "': "
                                    + Text.quote(item.toString()) + " is not one of " + String.join(", ", q.values())));
                            continue;
                        }
                        String v = item.asText().trim().toLowerCase(Locale.ROOT);
                        if (v.equals("none") && !q.values().contains("none")) {
                            continue;
                        }
                        chosen.add(oneValue(q, v, item.asText(), problems));
                    }
                    chosen.remove(null);
                    return List.copyOf(chosen);
                }
                break;
            case TEXT:
                if (value.isTextual() || value.isNumber()) {
                    String t = value.asText().trim();
                    return t.isEmpty() ? null : t;
                }
                break;
            default:
                break;
        }
        if (value.isTextual()) {
            String t = value.asText().trim();
            return t.isEmpty() ? null : textValue(q, t, false, problems);
        }
        problems.add(new Problem(q.id(), value.toString(), "question '" + q.id() + "': " + Text.quote(value.toString())
                + " is not " + expected(q)));
        return null;
    }

    /** Parses a textual answer; {@code csv} allows the CSV-only spellings 1/0 for yes/no. */
    private Object textValue(Question q, String given, boolean csv, List<Problem> problems) {
        String v = given.toLowerCase(Locale.ROOT);
        switch (q.type()) {
            case TEXT:
                return given;
            case YES_NO:
                if (v.equals("yes") || v.equals("true") || (csv && v.equals("1"))) {
                    return Boolean.TRUE;
                }
                if (v.equals("no") || v.equals("false") || (csv && v.equals("0"))) {
                    return Boolean.FALSE;
                }
                break;
            case ONE_OF:
                return oneValue(q, v, given, problems);
            case ANY_OF:
                if (v.equals("none") && !q.values().contains("none")) {
                    return List.of();
                }
                // A list, not a set: a person ticks a handful of values, and contains() on a handful beats hashing.
                List<String> chosen = new ArrayList<>(4);
                int before = problems.size();
                for (int from = 0, to; from <= given.length(); from = to + 1) {
                    to = given.indexOf(';', from);
                    to = to < 0 ? given.length() : to;
                    String p = given.substring(from, to).trim();
                    if (!p.isEmpty()) {
                        String value = oneValue(q, p.toLowerCase(Locale.ROOT), p, problems);
                        if (value != null && !chosen.contains(value)) {
                            chosen.add(value);
                        }
                    }
                }
                return problems.size() > before ? null : List.copyOf(chosen);
            case NUMBER:
                try {
                    return inRange(q, new BigDecimal(v), given, problems);
                } catch (NumberFormatException e) {
                    break;
                }
            default:
                break;
        }
        problems.add(new Problem(q.id(), given, "question '" + q.id() + "': " + Text.quote(given) + " is not " + expected(q)));
        return null;
    }

    private String oneValue(Question q, String value, String given, List<Problem> problems) {
        int i = q.values().indexOf(value);
        if (i >= 0) {
            // The catalogue's own string: the same instance for every questionnaire, its hash computed once,
            // which the rule engine and the explanation cache compare and hash on every row.
            return q.values().get(i);
        }
        problems.add(new Problem(q.id(), given, "question '" + q.id() + "': " + Text.quote(given)
                + " is not one of " + String.join(", ", q.values())));
        return null;
    }

    private BigDecimal inRange(Question q, BigDecimal n, String given, List<Problem> problems) {
        if ((q.min() != null && n.compareTo(q.min()) < 0) || (q.max() != null && n.compareTo(q.max()) > 0)) {
            problems.add(new Problem(q.id(), given, "question '" + q.id() + "': " + given + " is outside the allowed range "
                    + (q.min() == null ? "" : q.min().toPlainString()) + " to "
                    + (q.max() == null ? "" : q.max().toPlainString()) + (q.unit().isEmpty() ? "" : " " + q.unit())));
            return null;
        }
        return n;
    }

    private static String expected(Question q) {
        return switch (q.type()) {
            case YES_NO -> "yes or no (true or false)";
            case NUMBER -> "a number" + (q.unit().isEmpty() ? "" : " in " + q.unit());
            case ONE_OF -> "one of " + String.join(", ", q.values());
            case ANY_OF -> "a list of values from " + String.join(", ", q.values());
            case TEXT -> "text";
        };
    }
}

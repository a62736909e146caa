package org.twitchadvisor.internal.questions;

import org.twitchadvisor.internal.fhir.FhirResponseReader;
import org.twitchadvisor.internal.text.Text;

import org.twitchadvisor.internal.text.Utf8Text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Question;
import org.twitchadvisor.Questionnaire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns raw answers (a JSON object, or the cells of a CSV row) into a validated {@link Questionnaire},
 * following the questionnaire contract: values are case-insensitive and trimmed, a missing, {@code null}
 * or empty answer is "not answered", and every unknown question or value is reported, not just the first.
 * A question answered twice and text after the questionnaire are refused rather than resolved by a guess, and a
 * number is checked once, here, and kept as a bounded value (see {@link #number}). A JSON object with a
 * {@code resourceType} is read as a FHIR R4 QuestionnaireResponse ({@link FhirResponseReader}).
 */
public final class QuestionnaireReader {
    /** The question that identifies the respondent. */
    public static final String RESPONDENT = "respondent";
    /**
     * The parser limits on one questionnaire's JSON: one questionnaire is small, so a giant document is refused before
     * it exhausts memory. Whatever else parses a questionnaire's JSON (a server's request bodies) uses the same.
     */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(1_000_000).maxStringLength(100_000).maxNestingDepth(20).build();
    /** Where Jackson names the input it read, which it redacts, naming one of its own settings instead. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
    /** Jackson names the setting behind a limit, e.g. "(20, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern FROM_SETTING = Pattern.compile(",? from `[^`]*`");

    private final QuestionCatalog catalog;
    private final ObjectMapper json;

    /** One answer of a JSON object, with a number's text as written: {@code 1e400} reads as an infinite double. */
    private record Given(JsonNode value, String written) {
    }

    /**
     * @param catalog the question definitions
     * @param mapper the JSON mapper to parse text with
     */
    public QuestionnaireReader(QuestionCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.json = mapper;
    }

    /**
     * Parses one questionnaire from the bytes of a file, which the contract says are UTF-8 text; a UTF-8 byte order
     * mark is skipped.
     *
     * @param bytes the JSON object as UTF-8
     * @return the questionnaire
     * @throws InvalidQuestionnaireException naming the first byte that is not UTF-8, the other encoding the text is
     *         in, the syntax error's position, or every bad answer
     */
    public Questionnaire readJson(byte[] bytes) {
        String text;
        try {
            text = Utf8Text.decode(bytes);
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null, e.getMessage())));
        }
        return readJson(text);
    }

    /**
     * Parses one questionnaire from JSON text.
     *
     * @param text the JSON object
     * @return the questionnaire
     * @throws InvalidQuestionnaireException naming the syntax error's position, text after the object, a question
     *         answered twice, or every bad answer
     */
    public Questionnaire readJson(String text) {
        // A byte order mark left in by whoever decoded the file is not part of the JSON.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Map.Entry<String, Given>> fields = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notAnObject(first == null ? null : json.readTree(p));
            }
            // Field by field rather than as a tree, which would keep only the last answer of a question given twice.
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String written = p.nextToken().isNumeric() ? p.getText() : null;
                fields.add(new AbstractMap.SimpleImmutableEntry<>(name, new Given(json.readTree(p), written)));
            }
            refuseTrailingText(p);
        } catch (JsonProcessingException e) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null, jsonError(e))));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (fields.stream().anyMatch(f -> f.getKey().equals(FhirResponseReader.RESOURCE_TYPE))) {
            // A FHIR QuestionnaireResponse answering the exported Questionnaire: the same questions, in FHIR's form.
            com.fasterxml.jackson.databind.node.ObjectNode resource = json.createObjectNode();
            fields.forEach(f -> resource.set(f.getKey(), f.getValue().value()));
            return fromFhir(resource);
        }
        return read(fields.iterator(), g -> g.value().isNull(), (q, g, problems) -> jsonValue(q, g, problems));
    }

    /** A second object or stray text after the first one would otherwise be dropped without a word. */
    private static void refuseTrailingText(JsonParser p) throws IOException {
        JsonLocation end = p.currentTokenLocation();
        try {
            if (p.nextToken() == null) {
                return;
            }
        } catch (JsonProcessingException e) {
            // Whatever the stray text is, it is refused for being there; what it would have parsed as does not matter.
        }
        throw new InvalidQuestionnaireException(List.of(new Problem(null, null,
                "unexpected text after the questionnaire's closing brace at line " + end.getLineNr() + ", column "
                        + end.getColumnNr() + ": a questionnaire is one JSON object")));
    }

    private static InvalidQuestionnaireException notAnObject(JsonNode node) {
        return new InvalidQuestionnaireException(List.of(new Problem(null, null,
                "a questionnaire must be a JSON object of question id to answer, not "
                        + (node == null || node.isMissingNode() ? "nothing"
                        : node.getNodeType().name().toLowerCase(Locale.ROOT)))));
    }

    /**
     * The message for a JSON syntax error: what is wrong and where, without Jackson's internals.
     *
     * @param e the parse failure
     * @return e.g. "invalid JSON at line 3, column 7: Unexpected character ..."
     */
    public static String jsonError(JsonProcessingException e) {
        String what = plain(String.valueOf(e.getOriginalMessage()));
        if (e.getLocation() == null) {
            return "invalid JSON: " + what;
        }
        return "invalid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + ": " + what;
    }

    /**
     * A parser message without the parser's own names: its place markers become "line 1, column 2", and a clause
     * that names one of its settings ("enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow") is
     * dropped, as a person cannot act on it.
     */
    static String plain(String message) {
        String m = FROM_SETTING.matcher(SOURCE.matcher(message).replaceAll("line $1, column $2")).replaceAll("");
        if (m.indexOf('`') < 0) {
            return m;
        }
        StringBuilder kept = new StringBuilder();
        for (String clause : m.split(": ")) {
            if (clause.indexOf('`') < 0) {
                kept.append(kept.length() == 0 ? "" : ": ").append(clause);
            }
        }
        return kept.length() > 0 ? kept.toString() : m.replace('`', '\'');
    }

    /**
     * Validates a FHIR R4 QuestionnaireResponse.
     *
     * @param resource the parsed resource
     * @return the questionnaire
     * @throws InvalidQuestionnaireException listing every item that cannot be read and every bad answer
     */
    public Questionnaire fromFhir(JsonNode resource) {
        FhirResponseReader.Read read = FhirResponseReader.read(resource, catalog);
        List<Problem> problems = new ArrayList<>(read.problems());
        Questionnaire q = null;
        try {
            q = fromJson(read.answers());
        } catch (InvalidQuestionnaireException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(problems);
        }
        return q;
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
            throw notAnObject(node);
        }
        List<Map.Entry<String, Given>> fields = new ArrayList<>(node.size());
        node.fields().forEachRemaining(f -> fields.add(new AbstractMap.SimpleImmutableEntry<>(f.getKey(),
                new Given(f.getValue(), null))));
        return read(fields.iterator(), g -> g.value().isNull(), (q, g, problems) -> jsonValue(q, g, problems));
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
        // The key each question was first given as, by catalogue position: "Diet" after "diet" is the same question.
        String[] given = new String[catalog.all().size()];
        String respondent = null;
        while (entries.hasNext()) {
            Map.Entry<String, T> entry = entries.next();
            String id = normalizedId(entry.getKey());
            Question q = known(id, entry.getKey(), problems);
            if (q == null) {
                continue;
            }
            int at = catalog.order(q.id());
            if (given[at] != null) {
                problems.add(new Problem(q.id(), null, "the question '" + q.id() + "' is answered twice"
                        + (given[at].equals(entry.getKey()) ? "" : ", as " + Text.quote(given[at]) + " and "
                        + Text.quote(entry.getKey()))));
                continue;
            }
            given[at] = entry.getKey();
            if (unanswered.test(entry.getValue())) {
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

    /**
     * @param given a question id as written in the input
     * @return the id it stands for: question ids are trimmed and case-insensitive
     */
    public static String normalizedId(String given) {
        return given.trim().toLowerCase(Locale.ROOT);
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

    private Object jsonValue(Question q, Given given, List<Problem> problems) {
        JsonNode value = given.value();
        switch (q.type()) {
            case YES_NO:
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            case NUMBER:
                if (value.isNumber()) {
                    return number(q, value.doubleValue(), value.isIntegralNumber(),
                            given.written() != null ? given.written() : value.asText(), problems);
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
                BigDecimal exact;
                try {
                    exact = new BigDecimal(given);
                } catch (NumberFormatException e) {
                    break;
                }
                return number(q, exact.doubleValue(), exact.scale() <= 0, given, problems);
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

    /**
     * Checks a number answer and keeps it as the double the rules compare, in that double's shortest decimal form:
     * at most 17 digits and an exponent within ±324, so no rendering of it grows with how the number was written
     * ({@code 1e-999999999}, {@code 0e-2147483647}). A whole number stays whole ({@code 2}, not {@code 2.0}).
     *
     * @param value the number as a double, infinite when it is too large for one
     * @param whole whether it was written as a whole number
     * @param given the number as written, for messages
     */
    private BigDecimal number(Question q, double value, boolean whole, String given, List<Problem> problems) {
        if (!Double.isFinite(value)) {
            problems.add(new Problem(q.id(), given, "question '" + q.id() + "': " + Text.shorten(given)
                    + " is not a finite number"));
            return null;
        }
        BigDecimal n = whole && Math.abs(value) < 1e15 ? BigDecimal.valueOf((long) value) : BigDecimal.valueOf(value);
        if ((q.min() != null && n.compareTo(q.min()) < 0) || (q.max() != null && n.compareTo(q.max()) > 0)) {
            problems.add(new Problem(q.id(), given, "question '" + q.id() + "': " + Text.shorten(given)
                    + " is outside the allowed range "
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

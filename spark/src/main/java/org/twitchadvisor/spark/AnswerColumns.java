package org.twitchadvisor.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which column of the answers holds which question, checked once on the driver so that a wrong column fails the
 * job with one message instead of rejecting every row. Three shapes of input:
 * <ul>
 *   <li>{@link Shape#CELLS}: every column a string, as a CSV file gives them, read by the CSV rules of the
 *       questionnaire contract ({@code yes}/{@code no}, {@code ;}-separated any-of values, {@code none});</li>
 *   <li>{@link Shape#TYPED}: columns typed as in JSON (boolean, string, number, array of strings), as a Parquet
 *       file or a notebook's DataFrame has them;</li>
 *   <li>{@link Shape#JSON}: one string column {@code value} of JSON objects, as a JSON Lines file gives them.</li>
 * </ul>
 * Columns whose name starts with {@value #RESERVED} are the reader's own (the file name, a malformed CSV line).
 *
 * @param shape how a row is read
 * @param names column name per position of the row
 * @param ids question id per position, {@code null} for the reader's own columns
 */
record AnswerColumns(Shape shape, String[] names, String[] ids) implements Serializable {

    /** Prefix of the columns the readers add; no question id starts with an underscore. */
    static final String RESERVED = "_twitch_";
    /** The input file of a row. */
    static final String FILE = RESERVED + "file";
    /** A CSV line Spark could not split into as many cells as the header has columns. */
    static final String MALFORMED = RESERVED + "malformed";
    /** The text column of JSON input. */
    static final String JSON_TEXT = "value";

    private static final String RESPONDENT = "respondent";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a row's cells are turned into a questionnaire. */
    enum Shape { CELLS, TYPED, JSON }

    /**
     * @param schema the columns of one line of JSON per row: {@value #JSON_TEXT}, and any reserved columns
     * @return the columns
     */
    static AnswerColumns json(StructType schema) {
        String[] names = schema.fieldNames();
        String[] ids = new String[names.length];
        boolean text = false;
        for (int i = 0; i < names.length; i++) {
            text |= names[i].equals(JSON_TEXT) && schema.fields()[i].dataType() instanceof StringType;
        }
        if (!text) {
            throw new TwitchAdvisorException("JSON answers need a string column '" + JSON_TEXT + "', one questionnaire"
                    + " per row; the columns are " + String.join(", ", names));
        }
        return new AnswerColumns(Shape.JSON, names, ids);
    }

    /**
     * Checks the columns of answers given one question per column.
     *
     * @param schema the columns
     * @param advisor knows the question ids
     * @param source names the input in messages: the file or folder, or "the answers"
     * @return the columns
     * @throws TwitchAdvisorException naming every column that is not a question id, named twice, or of a type no
     *         answer has, or the missing respondent column
     */
    static AnswerColumns of(StructType schema, TwitchAdvisor advisor, String source) {
        StructField[] fields = schema.fields();
        String[] names = schema.fieldNames();
        String[] ids = new String[fields.length];
        Map<String, String> probe = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        boolean allText = true;
        for (int i = 0; i < fields.length; i++) {
            if (names[i].startsWith(RESERVED)) {
                continue;
            }
            String id = names[i].trim().toLowerCase(Locale.ROOT);
            String before = seen.putIfAbsent(id, names[i]);
            if (before != null) {
                problems.add("the column '" + id + "' is named twice ('" + before + "' and '" + names[i] + "')");
                continue;
            }
            ids[i] = id;
            probe.put(names[i], "");
            DataType type = fields[i].dataType();
            allText &= type instanceof StringType;
            if (!answerType(type)) {
                problems.add("the column '" + names[i] + "' is of type " + type.simpleString()
                        + ", which no answer has (boolean, string, number or array of strings)");
            }
        }
        try {
            advisor.fromCsvCells(probe);
        } catch (InvalidQuestionnaireException e) {
            for (Problem p : e.problems()) {
                problems.add(p.message());
            }
        }
        if (!seen.containsKey(RESPONDENT)) {
            problems.add("there is no 'respondent' column, which names each result");
        }
        if (!problems.isEmpty()) {
            throw new TwitchAdvisorException(source + ": the columns are not question ids of the questionnaire: "
                    + String.join("; ", problems) + ". The columns are: " + visible(names) + ".");
        }
        return new AnswerColumns(allText ? Shape.CELLS : Shape.TYPED, names, ids);
    }

    private static String visible(String[] names) {
        return java.util.Arrays.stream(names).filter(n -> !n.startsWith(RESERVED)).collect(Collectors.joining(", "));
    }

    private static boolean answerType(DataType type) {
        return type instanceof StringType || type instanceof BooleanType || type instanceof NumericType
                || type instanceof ArrayType a && a.elementType().equals(DataTypes.StringType);
    }

    /**
     * @param advisor validates the answers
     * @param row one input row of these columns
     * @return its questionnaire
     * @throws InvalidQuestionnaireException listing every problem of the row
     */
    Questionnaire questionnaire(TwitchAdvisor advisor, Row row) {
        switch (shape) {
            case JSON -> {
                return advisor.readJson(row.getString(position(JSON_TEXT)));
            }
            case CELLS -> {
                Map<String, String> cells = new LinkedHashMap<>(ids.length * 2);
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] != null && !row.isNullAt(i)) {
                        cells.put(ids[i], row.getString(i));
                    }
                }
                return advisor.fromCsvCells(cells);
            }
            default -> {
                Map<String, Object> answers = new LinkedHashMap<>(ids.length * 2);
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] != null && !row.isNullAt(i)) {
                        Object v = row.get(i);
                        // A Parquet id column is often a number; the respondent is text in the contract.
                        answers.put(ids[i], ids[i].equals(RESPONDENT) ? v.toString()
                                : v instanceof scala.collection.Seq<?> ? row.getList(i) : v);
                    }
                }
                return advisor.questionnaire(answers);
            }
        }
    }

    /**
     * @param row one input row
     * @return its respondent as far as can be told without validating it, for an error record; or {@code null}
     */
    String respondent(Row row) {
        if (shape == Shape.JSON) {
            try {
                var id = JSON.readTree(row.getString(position(JSON_TEXT))).get(RESPONDENT);
                return id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank() ? id.asText().trim() : null;
            } catch (Exception e) {
                return null;
            }
        }
        int at = position(RESPONDENT);
        if (at < 0 || row.isNullAt(at)) {
            return null;
        }
        String r = row.get(at).toString().trim();
        return r.isEmpty() ? null : r;
    }

    /**
     * @param row one input row
     * @return the row as it was read, to find it in the input: the JSON text, the malformed CSV line, or the
     *         answered cells as a JSON object
     */
    String input(Row row) {
        if (shape == Shape.JSON) {
            return row.getString(position(JSON_TEXT));
        }
        String malformed = reserved(row, MALFORMED);
        if (malformed != null) {
            return malformed;
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null && !row.isNullAt(i)) {
                Object v = row.get(i);
                cells.put(names[i], v instanceof scala.collection.Seq<?> ? row.getList(i) : v);
            }
        }
        try {
            return JSON.writeValueAsString(cells);
        } catch (Exception e) {
            return cells.toString();
        }
    }

    /**
     * @param row one input row
     * @param column a reserved column
     * @return its value, or {@code null} when the input has no such column or it is empty
     */
    String reserved(Row row, String column) {
        int at = position(column);
        return at < 0 || row.isNullAt(at) ? null : row.getString(at);
    }

    private int position(String name) {
        for (int i = 0; i < names.length; i++) {
            if (name.equals(ids[i] != null ? ids[i] : names[i])) {
                return i;
            }
        }
        return -1;
    }
}

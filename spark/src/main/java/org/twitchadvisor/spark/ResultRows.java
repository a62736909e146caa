package org.twitchadvisor.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.Problem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of the results and errors datasets, and how an assessment or a rejected record becomes a row of
 * them. The deficiency columns follow the rules' subjects, as the batch's CSV output does, so a nutrient an expert
 * adds gets its own columns.
 *
 * @param nutrients the deficiency subjects the rules know, in name order
 */
record ResultRows(List<String> nutrients) implements Serializable {

    /** Column of the combined rows that holds an error record, {@code null} for an assessed record. */
    static final String ERROR = "error";

    private static final StructType PROBLEM = new StructType()
            .add("question", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("message", DataTypes.StringType, false);

    /** The error records' columns. */
    static final StructType ERRORS = new StructType()
            .add("file", DataTypes.StringType)
            .add("respondent", DataTypes.StringType)
            .add("question", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("message", DataTypes.StringType, false)
            .add("rule", DataTypes.StringType)
            .add("problems", DataTypes.createArrayType(PROBLEM, false), false)
            .add("input", DataTypes.StringType);

    ResultRows {
        nutrients = List.copyOf(nutrients);
    }

    /** @return the results' columns */
    StructType results() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("respondent", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("triage", DataTypes.StringType, true));
        for (String n : nutrients) {
            fields.add(DataTypes.createStructField(n + "_level", DataTypes.StringType, true));
            fields.add(DataTypes.createStructField(n + "_score", DataTypes.DoubleType, true));
        }
        for (String list : List.of("lifestyle", "differentials", "red_flags", "advice", "rules_fired")) {
            fields.add(DataTypes.createStructField(list, DataTypes.createArrayType(DataTypes.StringType, false), true));
        }
        fields.add(DataTypes.createStructField("ruleset", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("explain", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("explanation", DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    /** @return the results' columns and then the {@value #ERROR} column: what one pass over the input gives */
    StructType combined() {
        return results().add(ERROR, ERRORS, true);
    }

    /**
     * @param a the assessment
     * @param level the explanation level of {@code json}
     * @param json the assessment as JSON at that level
     * @return its combined row, with no error
     */
    Row assessed(Assessment a, ExplainLevel level, String json) {
        Map<String, Finding> deficiencies = a.findings().stream().filter(f -> f.type().equals("deficiency"))
                .collect(Collectors.toMap(Finding::subject, f -> f, (x, y) -> x));
        Object[] row = new Object[2 + 2 * nutrients.size() + 5 + 3 + 1];
        int i = 0;
        row[i++] = a.respondent();
        row[i++] = a.triage().id();
        for (String n : nutrients) {
            Finding f = deficiencies.get(n);
            row[i++] = f == null ? null : f.level();
            row[i++] = f == null ? null : f.score();
        }
        row[i++] = subjects(a, "lifestyle");
        row[i++] = subjects(a, "differential");
        row[i++] = subjects(a, "red_flag");
        row[i++] = a.findings().stream().flatMap(f -> f.advice().stream()).distinct().toArray(String[]::new);
        row[i++] = a.rulesFired().toArray(String[]::new);
        row[i++] = a.ruleset();
        row[i++] = level.id();
        row[i++] = json;
        row[i] = null;
        return RowFactory.create(row);
    }

    /** @return the subjects of the findings of one type, in the assessment's order (strongest first) */
    private static String[] subjects(Assessment a, String type) {
        return a.findings().stream().filter(f -> f.type().equals(type)).map(Finding::subject).toArray(String[]::new);
    }

    /**
     * @param file the input file, when known
     * @param respondent the respondent, when known
     * @param problems what is wrong, at least one
     * @param rule the rule that looped, or {@code null}
     * @param input the record as read, to find it again
     * @return its combined row, every result column empty
     */
    Row rejected(String file, String respondent, List<Problem> problems, String rule, String input) {
        Problem first = problems.get(0);
        Row[] each = problems.stream().map(p -> RowFactory.create(p.question(), p.value(), p.message())).toArray(Row[]::new);
        String message = String.join("; ", problems.stream().map(Problem::message).toList());
        Object[] row = new Object[2 + 2 * nutrients.size() + 5 + 3 + 1];
        row[row.length - 1] = RowFactory.create(file, respondent, first.question(), first.value(), message, rule, each,
                input);
        return RowFactory.create(row);
    }
}

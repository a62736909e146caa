package org.twitchadvisor.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.TwitchAdvisor;

import java.nio.file.Path;

/**
 * Twitch Advisor on Apache Spark: a {@code Dataset<Row>} of answers in, a {@code Dataset<Row>} of results and
 * one of error records out, for a notebook or a job.
 *
 * <pre>{@code
 * Dataset<Row> answers = TwitchSpark.read(spark, "s3a://survey/2025/*.csv", null);
 * TwitchSpark.Assessed out = TwitchSpark.assess(answers, TwitchSpark.Options.bundled());
 * out.results().groupBy("triage").count().show();
 * out.errors().select("respondent", "message").show(false);
 * }</pre>
 *
 * <p>The answers have one column per question id (and {@code respondent}), as the questionnaire contract names
 * them: all strings, as read from CSV, are read by the contract's CSV rules ({@code yes}/{@code no},
 * {@code a;b}); typed columns (boolean, string, number, array of strings) as JSON values. Columns that are not
 * question ids fail at once, on the driver, naming them. Each input row gives exactly one row of {@code results}
 * or one of {@code errors}.
 *
 * <p>The rules are compiled once per executor JVM, on first use; only their text travels with the tasks.
 */
public final class TwitchSpark {

    private TwitchSpark() {
    }

    /**
     * What to assess with.
     *
     * @param rules the rules as text, or {@code null} for the rules bundled in the library
     * @param explain how much of each finding's explanation the {@code explanation} column keeps
     */
    public record Options(RulesText rules, ExplainLevel explain) {

        /** @return the bundled rules, full explanations */
        public static Options bundled() {
            return new Options(null, ExplainLevel.FULL);
        }

        /**
         * @param rulesDir a rules folder laid out like the repository's {@code rules/}
         * @return these options with the rules of that folder
         */
        public Options withRules(Path rulesDir) {
            return new Options(RulesText.read(rulesDir), explain);
        }

        /**
         * @param level the explanation level
         * @return these options with that level
         */
        public Options withExplain(ExplainLevel level) {
            return new Options(rules, level);
        }

        /** @return the advisor these options assess with, in this JVM (compiled on first use) */
        TwitchAdvisor advisor() {
            return AdvisorHolder.advisor(rules);
        }
    }

    /**
     * What an assessment of a dataset gives. Both datasets come from one pass over the answers, kept
     * ({@link StorageLevel#MEMORY_AND_DISK()}) once computed so that using both does not assess twice; call
     * {@link #unpersist()} when done.
     *
     * @param results one row per assessed respondent: {@code respondent}, {@code triage}, {@code <nutrient>_level}
     *                and {@code <nutrient>_score} per deficiency the rules know, {@code lifestyle},
     *                {@code differentials}, {@code red_flags}, {@code advice} and {@code rules_fired} as arrays,
     *                {@code ruleset}, {@code explain} (the level) and {@code explanation} (the assessment as JSON,
     *                the output contract at that level)
     * @param errors one row per rejected record: {@code file}, {@code respondent}, {@code question} and
     *               {@code value} of the first problem, {@code message}, {@code rule} (for a looping rule),
     *               {@code problems} (question, value, message each) and {@code input} (the record as read)
     * @param combined the pass both come from, one row per input row
     */
    public record Assessed(Dataset<Row> results, Dataset<Row> errors, Dataset<Row> combined) {
        /** Drops the kept pass. */
        public void unpersist() {
            combined.unpersist();
        }
    }

    /**
     * Assesses answers given one question per column.
     *
     * @param answers the answers, a column per question id and a {@code respondent} column
     * @param options the rules and explanation level
     * @return the results and error records
     * @throws TwitchAdvisorException naming the columns that are not question ids
     */
    public static Assessed assess(Dataset<Row> answers, Options options) {
        return assess(answers, options, "the answers");
    }

    /**
     * Assesses questionnaires given as JSON text, one object per element, as a JSON Lines file holds them.
     *
     * @param json the questionnaires
     * @param options the rules and explanation level
     * @return the results and error records
     */
    public static Assessed assessJson(Dataset<String> json, Options options) {
        Dataset<Row> rows = json.toDF(AnswerColumns.JSON_TEXT);
        return run(rows, AnswerColumns.json(rows.schema()), options);
    }

    /**
     * Reads answers from files, with the columns {@link #assess} checks and the file of each row for its error
     * record.
     *
     * @param spark the session
     * @param path a file, a folder or a glob
     * @param format the input format, or {@code null} to tell it from the path's extension
     * @return the answers, to give to {@link #assess} (JSON Lines as one text column, which it recognises)
     */
    public static Dataset<Row> read(SparkSession spark, String path, InputFormat format) {
        return (format == null ? InputFormat.of(spark, path) : format).read(spark, path);
    }

    /**
     * Reads answers from files and assesses them: {@link #read} then {@link #assess}, with the path named in the
     * message about columns that are not question ids.
     *
     * @param spark the session
     * @param path a file, a folder or a glob
     * @param format the input format, or {@code null} to tell it from the path
     * @param options the rules and explanation level
     * @return the results and error records
     */
    public static Assessed assessFiles(SparkSession spark, String path, InputFormat format, Options options) {
        return assess(read(spark, path, format), options, path);
    }

    static Assessed assess(Dataset<Row> answers, Options options, String source) {
        // JSON Lines as read: one text column and the reader's own; no question is called "value".
        boolean json = java.util.Arrays.stream(answers.columns()).allMatch(c -> c.equals(AnswerColumns.JSON_TEXT)
                || c.startsWith(AnswerColumns.RESERVED)) && answers.schema().getFieldIndex(AnswerColumns.JSON_TEXT).isDefined();
        AnswerColumns columns = json ? AnswerColumns.json(answers.schema())
                : AnswerColumns.of(answers.schema(), options.advisor(), source);
        return run(answers, columns, options);
    }

    private static Assessed run(Dataset<Row> answers, AnswerColumns columns, Options options) {
        ResultRows rows = new ResultRows(options.advisor().catalog().subjects().stream()
                .filter(s -> s.type().equals("deficiency")).map(RuleCatalog.Subject::id).sorted().toList());
        Dataset<Row> combined = answers.mapPartitions(
                new PartitionAssessor(options.rules(), columns, rows, options.explain()),
                Encoders.row(rows.combined())).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> results = combined.where(functions.col(ResultRows.ERROR).isNull()).drop(ResultRows.ERROR);
        Dataset<Row> errors = combined.where(functions.col(ResultRows.ERROR).isNotNull())
                .select(ResultRows.ERROR + ".*");
        return new Assessed(results, errors, combined);
    }
}

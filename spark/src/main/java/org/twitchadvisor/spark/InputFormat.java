package org.twitchadvisor.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/** The input formats of the Spark job: the batch's CSV and JSON Lines, and Parquet. */
public enum InputFormat {
    /** A header of question ids, then one respondent per row, cells as the questionnaire contract says. */
    CSV,
    /** One questionnaire, a JSON object, per line; blank lines skipped. */
    JSONL,
    /** One respondent per row, a column per question id, typed or all strings. */
    PARQUET;

    /**
     * Tells the format from a path's extension ({@code .csv}, {@code .jsonl}/{@code .ndjson}, {@code .parquet});
     * a folder by the files in it.
     *
     * @param spark the session, whose file systems list a folder
     * @param path a file, a folder or a glob
     * @return the format
     * @throws TwitchAdvisorException when neither tells
     */
    public static InputFormat of(SparkSession spark, String path) {
        mustExist(spark, path);
        InputFormat byName = byExtension(path);
        if (byName != null) {
            return byName;
        }
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.getFileStatus(p).isDirectory()) {
                for (FileStatus f : fs.listStatus(p)) {
                    InputFormat inside = byExtension(f.getPath().getName());
                    if (inside != null && !f.getPath().getName().startsWith(".") && !f.getPath().getName().startsWith("_")) {
                        return inside;
                    }
                }
            }
        } catch (FileNotFoundException e) {
            throw new TwitchAdvisorException(path + ": no such file or folder", e);
        } catch (IOException e) {
            throw new TwitchAdvisorException(path + ": cannot read it: " + e.getMessage(), e);
        }
        throw new TwitchAdvisorException(path + ": cannot tell its format from its name; name it .csv, .jsonl or"
                + " .parquet, or say which (--input-format csv|jsonl|parquet)");
    }

    /**
     * @param spark the session, whose file systems are asked
     * @param path a file, a folder or a glob
     * @throws TwitchAdvisorException when nothing is there, before Spark's own message of many lines
     */
    static void mustExist(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            FileStatus[] found = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(p);
            if (found == null || found.length == 0) {
                throw new TwitchAdvisorException(path + ": no such file or folder");
            }
        } catch (IOException e) {
            throw new TwitchAdvisorException(path + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static InputFormat byExtension(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        return null;
    }

    /**
     * @param spark the session
     * @param path a file, a folder or a glob of this format
     * @return its rows, with the file of each in {@value AnswerColumns#FILE}
     */
    Dataset<Row> read(SparkSession spark, String path) {
        mustExist(spark, path);
        Dataset<Row> rows = switch (this) {
            case CSV -> csv(spark, path);
            case JSONL -> spark.read().text(path)
                    .where(functions.trim(functions.col(AnswerColumns.JSON_TEXT)).notEqual(""));
            case PARQUET -> spark.read().parquet(path);
        };
        return rows.withColumn(AnswerColumns.FILE, functions.col("_metadata.file_path"));
    }

    /**
     * Every cell as text, as the contract's CSV rules read it, and a line that does not split into as many cells
     * as the header has columns kept whole in {@value AnswerColumns#MALFORMED} instead of being padded or cut.
     */
    private static Dataset<Row> csv(SparkSession spark, String path) {
        String[] header = spark.read().option("header", true).option("escape", "\"").csv(path).columns();
        StructType schema = new StructType(Arrays.stream(header)
                .map(c -> DataTypes.createStructField(c, DataTypes.StringType, true)).toArray(StructField[]::new))
                .add(AnswerColumns.MALFORMED, DataTypes.StringType, true);
        return spark.read().schema(schema)
                .option("header", true)
                // RFC 4180, as the batch reads CSV: a quote inside a quoted cell is doubled, not backslashed.
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", AnswerColumns.MALFORMED)
                // Every file's header must name the same columns, in the same order, as the first one.
                .option("enforceSchema", false)
                .csv(path);
    }
}

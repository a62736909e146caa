import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;

/**
 * Checks, per respondent, that the Spark job's results equal {@code twitch batch}'s on the same survey: every
 * assessed respondent's {@code explanation} is the batch's JSON line, byte for byte, and the same respondents were
 * rejected. Run by bench/spark-bench.sh with the job's classpath:
 * {@code java -cp twitch-spark.jar:SPARK_JARS bench/SparkCompare.java BATCH.jsonl BATCH.errors.jsonl SPARK_OUTPUT}.
 * Exits 1 when anything differs.
 */
public class SparkCompare {
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-compare")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 8).getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Dataset<Row> batch = spark.read().text(args[0])
                .select(get_json_object(col("value"), "$.respondent").as("respondent"), col("value").as("line"));
        Dataset<Row> results = spark.read().parquet(args[2] + "/results").select("respondent", "explanation");
        Dataset<Row> joined = batch.join(results, batch.col("respondent").equalTo(results.col("respondent")), "full_outer");
        long compared = joined.count();
        long differ = joined.where(col("line").isNull().or(col("explanation").isNull())
                .or(col("line").notEqual(col("explanation")))).count();
        Dataset<Row> batchRejected = spark.read().text(args[1])
                .select(get_json_object(col("value"), "$.respondent").as("respondent"));
        Dataset<Row> sparkRejected = spark.read().parquet(args[2] + "/errors").select("respondent");
        long rejected = batchRejected.count();
        long rejectedDiffer = batchRejected.exceptAll(sparkRejected).count() + sparkRejected.exceptAll(batchRejected).count();
        System.out.printf("compare: %d respondents assessed by either, %d differ; %d rejected by the batch, %d differ%n",
                compared, differ, rejected, rejectedDiffer);
        spark.stop();
        System.exit(differ == 0 && rejectedDiffer == 0 ? 0 : 1);
    }
}

package org.twitchadvisor.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.batch.BatchOptions;
import org.twitchadvisor.batch.BatchRunner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Spark job gives every respondent exactly the result the library's batch gives, whatever the input format. */
class SameAsBatchTest {
    private static SparkSession spark;
    private static TwitchAdvisor advisor;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        advisor = TwitchAdvisor.bundled();
    }

    /** Results per respondent: the explanation column, and every respondent of the error records. */
    private static Batch spark(TwitchSpark.Assessed out) {
        Map<String, String> results = new HashMap<>();
        for (Row r : out.results().select("respondent", "explanation").collectAsList()) {
            results.put(r.getString(0), r.getString(1));
        }
        List<String> rejected = new ArrayList<>();
        for (Row r : out.errors().select("respondent").collectAsList()) {
            rejected.add(r.getString(0));
        }
        out.unpersist();
        return new Batch(results, rejected);
    }

    private static void assertSame(Batch expected, Batch actual) {
        assertEquals(expected.results().keySet(), actual.results().keySet(), "the assessed respondents");
        for (Map.Entry<String, String> e : expected.results().entrySet()) {
            assertEquals(e.getValue(), actual.results().get(e.getKey()), "the result of " + e.getKey());
        }
        assertEquals(expected.rejected().stream().sorted().toList(), actual.rejected().stream().sorted().toList(),
                "the rejected respondents");
    }

    @Test
    void csvGivesTheBatchsResults() {
        Batch batch = Batch.of(advisor, Inputs.POPULATION);
        assertEquals(490, batch.results().size(), "the survey has 10 bad rows");
        assertSame(batch, spark(TwitchSpark.assessFiles(spark, Inputs.POPULATION.toString(), null,
                TwitchSpark.Options.bundled())));
    }

    @Test
    void jsonLinesGiveTheBatchsResults() {
        Path jsonl = Inputs.jsonLines(advisor, Inputs.POPULATION, dir.resolve("population.jsonl"), false);
        Batch batch = Batch.of(advisor, jsonl);
        assertEquals(490, batch.results().size());
        assertSame(batch, spark(TwitchSpark.assessFiles(spark, jsonl.toString(), null, TwitchSpark.Options.bundled())));
    }

    @Test
    void parquetOfTextCellsGivesTheBatchsResults() {
        String parquet = dir.resolve("cells.parquet").toString();
        spark.read().option("header", true).csv(Inputs.POPULATION.toString()).write().mode(SaveMode.Overwrite).parquet(parquet);
        assertSame(Batch.of(advisor, Inputs.POPULATION),
                spark(TwitchSpark.assessFiles(spark, parquet, null, TwitchSpark.Options.bundled())));
    }

    @Test
    void parquetOfTypedColumnsGivesTheBatchsResults() {
        // Booleans, numbers and arrays, as a notebook's DataFrame has them: Spark types the columns from JSON.
        Path jsonl = Inputs.jsonLines(advisor, Inputs.POPULATION, dir.resolve("valid.jsonl"), true);
        String parquet = dir.resolve("typed.parquet").toString();
        Dataset<Row> typed = spark.read().json(jsonl.toString());
        assertEquals(DataTypes.BooleanType, typed.schema().apply("twitching").dataType());
        assertEquals(DataTypes.createArrayType(DataTypes.StringType), typed.schema().apply("symptoms").dataType());
        assertEquals(DataTypes.LongType, typed.schema().apply("caffeine_cups_per_day").dataType());
        typed.write().mode(SaveMode.Overwrite).parquet(parquet);
        assertSame(Batch.of(advisor, jsonl), spark(TwitchSpark.assessFiles(spark, parquet, null,
                TwitchSpark.Options.bundled())));
    }

    @Test
    void typedColumnsHoldWhatTheBatchsCsvOutputHolds() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new BatchRunner(advisor, BatchOptions.defaults().withOutputFormat(BatchOptions.OutputFormat.CSV))
                .run(Inputs.POPULATION, csv, new ByteArrayOutputStream());
        List<Map<String, String>> expected = new ArrayList<>();
        new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.toString(StandardCharsets.UTF_8)).forEachRemaining(expected::add);
        TwitchSpark.Assessed out = TwitchSpark.assessFiles(spark, Inputs.POPULATION.toString(), null,
                TwitchSpark.Options.bundled());
        Map<String, Row> rows = out.results().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("respondent"), r -> r));
        out.unpersist();
        assertEquals(expected.size(), rows.size());
        for (Map<String, String> want : expected) {
            Row got = rows.get(want.get("respondent"));
            for (Map.Entry<String, String> cell : want.entrySet()) {
                String column = cell.getKey();
                Object value = got.getAs(column);
                String text = value == null ? "" : value instanceof scala.collection.Seq<?> s
                        ? String.join(";", scala.jdk.javaapi.CollectionConverters.asJava(s).stream().map(Object::toString).toList())
                        : value.toString();
                if (column.equals("advice") && value instanceof scala.collection.Seq<?> texts) {
                    // The batch's CSV names advice by id; the Parquet column holds the texts a person reads (the
                    // foods advice, written for each person, is the one text not in the advice table).
                    Map<String, String> ids = new java.util.HashMap<>();
                    advisor.adviceTexts().forEach((id, t) -> ids.put(t, id));
                    text = String.join(";", scala.jdk.javaapi.CollectionConverters.asJava(texts).stream()
                            .map(t -> ids.getOrDefault(t.toString(), "foods")).distinct().toList());
                }
                assertEquals(cell.getValue(), text, want.get("respondent") + " " + column);
            }
            assertEquals(advisor.ruleset(), got.getAs("ruleset"));
            assertEquals("full", got.getAs("explain"));
            assertEquals(want.get("triage"), new ObjectMapper().readTree((String) got.getAs("explanation")).get("triage").asText());
        }
    }
}

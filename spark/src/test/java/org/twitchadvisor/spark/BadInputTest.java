package org.twitchadvisor.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisorException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad record lands in the errors dataset, named and explained; a bad header stops the job before any row. */
class BadInputTest {
    private static final Path BAD = Path.of("spark/src/test/resources/bad");
    private static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    /** Respondent (or the input, when there is none) to the error message. */
    private static Map<String, String> errors(TwitchSpark.Assessed out, String file) {
        Map<String, String> byRespondent = new TreeMap<>();
        for (Row r : out.errors().collectAsList()) {
            String who = r.getAs("respondent") != null ? r.getAs("respondent") : r.getAs("input");
            byRespondent.put(who, r.getAs("message"));
            assertTrue(((String) r.getAs("file")).endsWith(BAD.getFileName() + "/" + file), "the error record names the file: " + r);
            assertEquals(r.<String>getAs("message").split("; ").length, r.getList(r.fieldIndex("problems")).size(), r.toString());
        }
        return byRespondent;
    }

    @Test
    void badCsvRowsAreErrorRecordsAndTheOthersAreAssessed() {
        TwitchSpark.Assessed out = TwitchSpark.assessFiles(spark, BAD.resolve("rows.csv").toString(), null,
                TwitchSpark.Options.bundled());
        List<String> assessed = out.results().select("respondent").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList().stream().sorted().toList();
        Map<String, String> errors = errors(out, "rows.csv");
        out.unpersist();
        assertEquals(List.of("b-1", "b-8"), assessed);
        assertEquals("question 'diet': 'vegn' is not one of omnivore, pescatarian, vegetarian, vegan", errors.get("b-2"));
        assertTrue(errors.get("b-3").startsWith("question 'caffeine_cups_per_day': 120 is"), errors.get("b-3"));
        assertTrue(errors.get("{\"twitching\":\"yes\",\"diet\":\"omnivore\",\"caffeine_cups_per_day\":\"1\",\"symptoms\":\"cramps\"}")
                .startsWith("no respondent"), errors.toString());
        assertEquals("this row does not have as many cells as the header has columns", errors.get("b-5"));
        assertEquals("this row does not have as many cells as the header has columns", errors.get("b-6"));
        assertTrue(errors.get("b-7").contains("question 'twitching': 'maybe'") && errors.get("b-7").contains("'cramp'"),
                errors.get("b-7"));
        assertEquals(6, errors.size());
    }

    @Test
    void badJsonLinesAreErrorRecordsAndBlankLinesAreSkipped() {
        TwitchSpark.Assessed out = TwitchSpark.assessFiles(spark, BAD.resolve("rows.jsonl").toString(), null,
                TwitchSpark.Options.bundled());
        long assessed = out.results().count();
        Map<String, String> errors = errors(out, "rows.jsonl");
        out.unpersist();
        assertEquals(1, assessed);
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get("j-2").contains("'vegn'"), errors.get("j-2"));
        assertTrue(errors.get("j-3").contains("unexpected text after"), errors.get("j-3"));
        assertTrue(errors.get("not json").contains("not valid JSON") || errors.get("not json").contains("JSON"),
                errors.get("not json"));
        assertTrue(errors.get("{\"twitching\":true}").startsWith("no respondent"), errors.toString());
        assertTrue(errors.get("j-6").contains("unknown question 'diett' (did you mean 'diet'?)"), errors.get("j-6"));
    }

    @Test
    void aCsvHeaderThatIsNotQuestionIdsStopsTheJobNamingTheFileAndColumns() {
        String file = BAD.resolve("header.csv").toString();
        TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class,
                () -> TwitchSpark.assessFiles(spark, file, null, TwitchSpark.Options.bundled()));
        assertTrue(e.getMessage().startsWith(file + ": the columns are not question ids"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown question 'diett' (did you mean 'diet'?)"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown question 'Caffeine'"), e.getMessage());
    }

    @Test
    void parquetColumnsThatAreNotQuestionIdsOrAnswerTypesStopTheJob() {
        StructType schema = new StructType().add("respondent", DataTypes.LongType).add("twiching", DataTypes.BooleanType)
                .add("diet", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
        String parquet = dir.resolve("bad.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create(1L, true, Map.of())), schema).write().mode(SaveMode.Overwrite)
                .parquet(parquet);
        TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class,
                () -> TwitchSpark.assessFiles(spark, parquet, null, TwitchSpark.Options.bundled()));
        assertTrue(e.getMessage().startsWith(parquet + ": the columns are not question ids"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown question 'twiching' (did you mean 'twitching'?)"), e.getMessage());
        assertTrue(e.getMessage().contains("'diet' is of type map<string,string>"), e.getMessage());
    }

    @Test
    void aDataFrameWithoutARespondentColumnIsRefused() {
        StructType schema = new StructType().add("twitching", DataTypes.StringType);
        TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class, () -> TwitchSpark.assess(
                spark.createDataFrame(List.of(RowFactory.create("yes")), schema), TwitchSpark.Options.bundled()));
        assertTrue(e.getMessage().startsWith("the answers: the columns are not question ids"), e.getMessage());
        assertTrue(e.getMessage().contains("there is no 'respondent' column"), e.getMessage());
    }

    @Test
    void aNumericRespondentOfTypedColumnsIsItsText() {
        StructType schema = new StructType().add("respondent", DataTypes.LongType).add("twitching", DataTypes.BooleanType)
                .add("symptoms", DataTypes.createArrayType(DataTypes.StringType));
        TwitchSpark.Assessed out = TwitchSpark.assess(spark.createDataFrame(List.of(
                RowFactory.create(7L, true, new String[] {"cramps"}),
                RowFactory.create(8L, true, new String[] {"cramp"})), schema), TwitchSpark.Options.bundled());
        assertEquals(List.of("7"), out.results().select("respondent").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        Row error = out.errors().first();
        out.unpersist();
        assertEquals("8", error.getAs("respondent"));
        assertEquals("symptoms", error.getAs("question"));
        assertEquals("cramp", error.getAs("value"));
        assertEquals("{\"respondent\":8,\"twitching\":true,\"symptoms\":[\"cramp\"]}", error.getAs("input"));
    }
}

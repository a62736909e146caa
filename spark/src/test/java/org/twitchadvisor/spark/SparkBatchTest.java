package org.twitchadvisor.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.batch.BatchOptions;
import org.twitchadvisor.cli.ExitCodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spark-submit entry point, run in this JVM on the local session: arguments, outputs, counts, exit codes. */
class SparkBatchTest {
    private static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    /** What one run of the job printed and returned. */
    private record Run(int exit, String out, String err) {
    }

    private static Run job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkBatch.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theJobWritesResultsAndErrorsAsParquetAndChecksThatNoRowIsLost() {
        String output = dir.resolve("out").toString();
        Run run = job(Inputs.POPULATION.toString(), output);
        assertEquals(ExitCodes.ROWS_REJECTED, run.exit(), run.err());
        assertTrue(run.out().contains(": 500 rows read, 490 assessed, 10 rejected;"), run.out());
        assertTrue(run.out().contains("results + errors = rows read: 490 + 10 = 500"), run.out());
        Dataset<Row> results = spark.read().parquet(output + "/results");
        assertEquals(490, results.count());
        assertEquals(DataTypes.DoubleType, results.schema().apply("magnesium_score").dataType());
        assertEquals(DataTypes.StringType, results.schema().apply("magnesium_level").dataType());
        for (String list : List.of("lifestyle", "differentials", "red_flags", "advice", "rules_fired")) {
            assertEquals("array<string>", results.schema().apply(list).dataType().simpleString());
        }
        Dataset<Row> errors = spark.read().parquet(output + "/errors");
        assertEquals(10, errors.count());
        assertEquals(10, errors.where("value = 'zzz'").count(), "the survey's bad rows, by the value they have");
    }

    @Test
    void aRulesFolderTravelsAsTextAndChangesTheResults() throws IOException {
        Path rules = copyOfBundledRules(dir.resolve("rules-7-cups"));
        Path limits = rules.resolve("data/limits.csv");
        Files.writeString(limits, Files.readString(limits).replace("excessive_caffeine_cups_per_day,4,", "excessive_caffeine_cups_per_day,7,"));
        String output = dir.resolve("out-7-cups").toString();
        Run run = job(Inputs.POPULATION.toString(), output, "--rules", rules.toString(), "--explain", "none");
        assertEquals(ExitCodes.ROWS_REJECTED, run.exit(), run.err());

        // The advisor the job compiled from the shipped text, kept in this JVM: the same rules as the folder.
        TwitchAdvisor changed = AdvisorHolder.advisor(RulesText.read(rules));
        assertFalse(changed.ruleset().equals(TwitchAdvisor.bundled().ruleset()));
        Batch batch = Batch.of(changed, Inputs.POPULATION, BatchOptions.Explain.NONE);
        Batch bundled = Batch.of(TwitchAdvisor.bundled(), Inputs.POPULATION);
        Map<String, Row> rows = spark.read().parquet(output + "/results").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("respondent"), r -> r));
        assertEquals(batch.results().keySet(), rows.keySet());
        int differ = 0;
        for (Map.Entry<String, String> e : batch.results().entrySet()) {
            Row row = rows.get(e.getKey());
            assertEquals(changed.ruleset(), row.getAs("ruleset"));
            assertEquals("none", row.getAs("explain"));
            String none = row.getAs("explanation");
            assertFalse(none.contains("\"because\""), none);
            // The same line twitch batch --explain none writes.
            assertEquals(e.getValue(), none, e.getKey());
            differ += bundled.results().get(e.getKey()).contains("\"subject\":\"caffeine\"") != none.contains("\"subject\":\"caffeine\"") ? 1 : 0;
        }
        // 5, 6 and 7 cups were excessive caffeine and are no longer: about a quarter of those who said how many.
        assertTrue(differ > 50, differ + " respondents changed");
    }


    @Test
    void aRulesFolderThatFailsItsChecksStopsTheJobNamingTheFileAndLine() throws IOException {
        Path rules = copyOfBundledRules(dir.resolve("rules-broken"));
        Path drl = rules.resolve("2-lifestyle/stimulants.drl");
        Files.writeString(drl, Files.readString(drl).replace("insertLogical(", "System.exit(0); insertLogical("));
        Run run = job(Inputs.POPULATION.toString(), dir.resolve("never").toString(), "--rules", rules.toString());
        assertEquals(ExitCodes.BAD_RULES, run.exit(), run.err());
        assertTrue(run.err().contains(rules.resolve("2-lifestyle/stimulants.drl") + ":"), run.err());
        assertTrue(run.err().contains("twitch-spark: the rules in " + rules + " are not valid"), run.err());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void wrongArgumentsAndUnusableInputsGetOneLineAndTheirExitCode() throws IOException {
        Run level = job(Inputs.POPULATION.toString(), dir.resolve("x").toString(), "--explain", "short");
        assertEquals(ExitCodes.USAGE, level.exit());
        assertEquals("twitch-spark: --explain short: the levels are full, summary and none\n", level.err());
        Run header = job("spark/src/test/resources/bad/header.csv", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, header.exit());
        assertTrue(header.err().startsWith("twitch-spark: spark/src/test/resources/bad/header.csv: the columns are not"
                + " question ids"), header.err());
        Run missing = job(dir.resolve("no-such.csv").toString(), dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.exit());
        assertEquals("twitch-spark: " + dir.resolve("no-such.csv") + ": no such file or folder\n", missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace: " + missing.err());
        Files.copy(Inputs.POPULATION, dir.resolve("survey.txt"));
        Run unknown = job(dir.resolve("survey.txt").toString(), dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.exit());
        assertTrue(unknown.err().contains("cannot tell its format from its name"), unknown.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private static Path copyOfBundledRules(Path to) throws IOException {
        Path from = Path.of("rules");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}

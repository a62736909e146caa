package org.twitchadvisor.spark;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class org.twitchadvisor.spark.SparkBatch twitch-spark.jar INPUT OUTPUT}: a survey in,
 * {@code OUTPUT/results} and {@code OUTPUT/errors} out as Parquet, every input row in exactly one of them, which
 * the job checks itself by counting what it wrote.
 */
@Command(name = "twitch-spark", mixinStandardHelpOptions = true,
        description = {"Assess every questionnaire of a survey on Spark: CSV (header = question ids), JSON Lines"
                + " or Parquet in; OUTPUT/results and OUTPUT/errors out as Parquet."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was assessed", "5:some records were rejected (see OUTPUT/errors)",
                "2:wrong command line", "3:unusable input (no such path, columns that are not question ids)",
                "4:the rules folder is invalid", "1:a record was lost or an internal error (a bug)"})
public final class SparkBatch implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "A .csv, .jsonl or .parquet file, a folder or a glob.")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT",
            description = "The folder that gets results/ and errors/ (each replaced if there).")
    String output;

    @Option(names = "--rules", paramLabel = "DIR", description = "Assess with the rules in DIR instead of the bundled ones.")
    Path rules;

    @Option(names = "--explain", paramLabel = "LEVEL", defaultValue = "full",
            description = "full (every derivation tree, the output contract) or none (findings without because).")
    String explain;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "csv, jsonl or parquet, when the input's name does not tell.")
    String inputFormat;

    private final PrintStream out;
    private final PrintStream err;

    SparkBatch(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the job and exits with its exit code.
     *
     * @param args {@code INPUT OUTPUT [--rules DIR] [--explain full|summary|none] [--input-format FORMAT]}
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        if (session.isDefined()) {
            session.get().stop();
        }
        System.exit(code);
    }

    /**
     * Runs the job in this JVM, on the active Spark session or a new one ({@code local[*]} when no master is set).
     *
     * @param args as for {@link #main}
     * @param out where the closing counts go
     * @param err where problems go, one line each
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new SparkBatch(out, err)).setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() {
        ExplainLevel level;
        InputFormat format;
        try {
            level = ExplainLevel.of(explain);
            format = inputFormat == null ? null : InputFormat.valueOf(inputFormat.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("twitch-spark: " + (e.getMessage().startsWith("--") ? e.getMessage()
                    : "--input-format " + inputFormat + ": it is csv, jsonl or parquet"));
            return ExitCodes.USAGE;
        }
        TwitchSpark.Options options = TwitchSpark.Options.bundled().withExplain(level);
        try {
            if (rules != null) {
                options = options.withRules(rules);
                options.advisor();
            }
        } catch (InvalidRulesException e) {
            for (RuleProblem p : e.problems()) {
                err.println(rules.resolve(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.severity() + ": "
                        + p.message());
            }
            err.println("twitch-spark: the rules in " + rules + " are not valid");
            return ExitCodes.BAD_RULES;
        } catch (TwitchAdvisorException e) {
            err.println("twitch-spark: " + e.getMessage());
            return ExitCodes.BAD_RULES;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("twitch-spark " + input);
        if (!new org.apache.spark.SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return assess(spark, format, options);
        } catch (TwitchAdvisorException e) {
            err.println("twitch-spark: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (AnalysisException e) {
            err.println("twitch-spark: " + input + ": " + e.getSimpleMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private int assess(SparkSession spark, InputFormat format, TwitchSpark.Options options) throws AnalysisException {
        long start = System.nanoTime();
        var answers = TwitchSpark.read(spark, input, format);
        TwitchSpark.Assessed assessed = TwitchSpark.assess(answers, options, input);
        String results = output + "/results";
        String errors = output + "/errors";
        assessed.results().write().mode(SaveMode.Overwrite).parquet(results);
        assessed.errors().write().mode(SaveMode.Overwrite).parquet(errors);
        assessed.unpersist();
        // Counted from what was written, not from the pass that wrote it: a lost row cannot hide in a cache.
        long rows = answers.count();
        long assessedRows = spark.read().parquet(results).count();
        long rejected = spark.read().parquet(errors).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "twitch-spark %s: %d rows read, %d assessed, %d rejected; %.1f s, %.0f rows/s%n",
                input, rows, assessedRows, rejected, seconds, rows / seconds);
        if (assessedRows + rejected != rows) {
            err.printf(Locale.ROOT, "twitch-spark: %d assessed + %d rejected is not the %d rows read: %d lost"
                    + " (a bug: please report it)%n", assessedRows, rejected, rows, rows - assessedRows - rejected);
            return ExitCodes.INTERNAL;
        }
        out.printf(Locale.ROOT, "  results + errors = rows read: %d + %d = %d%n", assessedRows, rejected, rows);
        out.println("  " + results + "\n  " + errors);
        return rejected > 0 ? ExitCodes.ROWS_REJECTED : ExitCodes.OK;
    }
}

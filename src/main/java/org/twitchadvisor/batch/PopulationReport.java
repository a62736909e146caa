package org.twitchadvisor.batch;

import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.internal.report.HtmlReport;
import org.twitchadvisor.internal.report.Population;
import org.twitchadvisor.internal.report.ResultsReader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A picture of a population, as one self-contained HTML page (no network needed to view it): triage levels,
 * prevalence of each finding and level, score distributions per nutrient, which findings occur together, the
 * rules that fired most and never, and rejected records by reason. See {@code docs/batch.md}.
 *
 * <p>Either read back from what a batch wrote ({@link #read}), or filled by a batch as it runs, without a second
 * pass: give an empty one to {@link BatchOptions#withReport}. Not thread-safe; a batch fills it from one thread.
 *
 * <pre>{@code
 * PopulationReport report = new PopulationReport(advisor);
 * new BatchRunner(advisor, BatchOptions.defaults().withReport(report)).run(input, results, errors);
 * report.writeHtml(input.toString(), out);
 * }</pre>
 */
public final class PopulationReport {
    private final TwitchAdvisor advisor;
    private final Population population = new Population();

    /**
     * An empty report.
     *
     * @param advisor the rules the report compares against: which rules never fired, which subjects nobody got
     */
    public PopulationReport(TwitchAdvisor advisor) {
        this.advisor = advisor;
    }

    /**
     * A report of what a batch wrote.
     *
     * @param advisor the rules to compare against, normally those the results were made with
     * @param results a results file (JSON Lines at any {@code --explain} level, plain, {@code .gz} or {@code .zst})
     *                or a summary file ({@code --summary})
     * @param errors the batch's errors file, for the reasons of rejected records; or {@code null}
     * @return the report
     * @throws TwitchAdvisorException naming the file and line when a file is not what a batch writes
     */
    public static PopulationReport read(TwitchAdvisor advisor, Path results, Path errors) {
        PopulationReport report = new PopulationReport(advisor);
        ResultsReader.readResults(results, report.population);
        if (errors != null) {
            ResultsReader.readErrors(errors, report.population);
        }
        return report;
    }

    /** Adds a batch's counts; called once, at the end of the batch. */
    void add(Population counts) {
        population.add(counts);
    }

    /** @return the respondents counted */
    public long assessed() {
        return population.assessed();
    }

    /** @return the rejected records counted */
    public long rejected() {
        return population.rejected();
    }

    /**
     * Writes the page, UTF-8.
     *
     * @param source what the numbers are of, for the heading: the input or results file as the user named it
     * @param out where the page goes; flushed, not closed
     * @throws IOException when writing fails
     */
    public void writeHtml(String source, OutputStream out) throws IOException {
        RuleCatalog catalog = advisor.catalog();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        HtmlReport.write(population, new HtmlReport.Context(source, advisor.ruleset(),
                catalog.rules().stream().map(RuleCatalog.Rule::name).toList(), catalog.subjects()), w);
        w.flush();
    }
}

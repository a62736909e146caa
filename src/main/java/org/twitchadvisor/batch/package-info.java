/**
 * Batch evaluation: a whole survey (CSV, JSON Lines or a folder of JSON files) assessed in one streaming
 * pass, in parallel, with every input record accounted for as exactly one result or one error record.
 *
 * <pre>{@code
 * BatchRunner runner = new BatchRunner(TwitchAdvisor.bundled(), BatchOptions.defaults());
 * try (OutputStream out = Files.newOutputStream(Path.of("results.jsonl"));
 *      OutputStream errors = Files.newOutputStream(Path.of("results.jsonl.errors.jsonl"))) {
 *     BatchSummary summary = runner.run(Path.of("survey.csv"), out, errors);
 *     System.err.print(summary.toText());
 * }
 * }</pre>
 *
 * <p>Only {@link org.twitchadvisor.batch.BatchRunner}, {@link org.twitchadvisor.batch.BatchOptions},
 * {@link org.twitchadvisor.batch.BatchSummary}, {@link org.twitchadvisor.batch.BatchProgress},
 * {@link org.twitchadvisor.batch.Compression}, {@link org.twitchadvisor.batch.PopulationReport} and
 * {@link org.twitchadvisor.batch.PendingFile} are API; the
 * readers, writers and the ordered pipeline behind them are package-private. The formats are described in
 * {@code docs/batch.md}.
 */
package org.twitchadvisor.batch;

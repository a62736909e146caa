package org.twitchadvisor.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link BatchRunner} reads, writes and reports. Immutable; start from {@link #defaults()} and change
 * what you need with the {@code with...} methods.
 *
 * @param inputFormat the input format, or {@code null} to tell it from the file extension (a stream is sniffed:
 *                    JSON Lines when its first character is <code>{</code>, else CSV)
 * @param outputFormat one assessment per line as JSON, or one CSV row per respondent
 * @param threads how many questionnaires are assessed at once, at least 1; the output does not depend on it
 * @param ignoreUnknownColumns drop CSV columns that are not question ids instead of refusing the file
 * @param progressInterval how often {@code progress} is told, at most
 * @param progress told about progress on the thread that called {@code run}; {@code null} for silence
 * @param explain how much of each finding's explanation JSON Lines results carry; CSV carries none either way
 * @param compression how the results are compressed (the errors are always plain)
 * @param report counts the batch adds to as it goes, for a population report without a second pass; or {@code null}
 */
public record BatchOptions(InputFormat inputFormat, OutputFormat outputFormat, int threads,
                           boolean ignoreUnknownColumns, Duration progressInterval, Consumer<BatchProgress> progress,
                           Explain explain, Compression compression, PopulationReport report) {

    /** How much of the explanation a JSON Lines result keeps (see {@code docs/batch.md}). */
    public enum Explain {
        /** The output contract as it is: every finding with its whole derivation tree. */
        FULL,
        /**
         * Each finding's type, subject, level, score and summary, the names of the rules of its tree
         * ({@code rules}) and the answers they rest on ({@code answers}) in place of the tree, and its advice ids.
         */
        SUMMARY,
        /** Each finding without explanation (no {@code because}, no {@code summary}): type, subject, level, score, advice ids. */
        NONE;

        /** @return the level as written in the output and on the command line: {@code full}, {@code summary}, {@code none} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the input is laid out. */
    public enum InputFormat {
        /** A header of question ids, then one respondent per row (cells as the questionnaire contract says). */
        CSV,
        /** One questionnaire, a JSON object, per line. */
        JSON_LINES,
        /** A folder of {@code *.json} files, one questionnaire each, taken in file-name order. */
        JSON_FOLDER;

        /**
         * The format a path's name or kind implies: a folder, {@code .csv}, or {@code .jsonl}/{@code .ndjson}, each
         * also with {@code .gz} or {@code .zst} after it.
         *
         * @param path the input
         * @return the format, or {@code null} when the path does not say
         */
        public static InputFormat of(Path path) {
            if (Files.isDirectory(path)) {
                return JSON_FOLDER;
            }
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            name = Compression.of(name).strip(name);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return JSON_LINES;
            }
            return null;
        }
    }

    /** How results are written. */
    public enum OutputFormat {
        /** One assessment per line, exactly the output contract ({@code TwitchAdvisor.toJson}). */
        JSONL,
        /** One row per respondent for spreadsheets: triage, each deficiency's level and score, other findings. */
        CSV
    }

    /** Checks the values, so a runner never starts on options it cannot honour. */
    public BatchOptions {
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(explain, "explain");
        Objects.requireNonNull(compression, "compression");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /**
     * @return JSON Lines out with full explanations, uncompressed; input format from the extension, one thread
     *         per core, no progress reports
     */
    public static BatchOptions defaults() {
        return new BatchOptions(null, OutputFormat.JSONL, Runtime.getRuntime().availableProcessors(), false,
                Duration.ofSeconds(1), null, Explain.FULL, Compression.NONE, null);
    }

    /**
     * @param format the input format, or {@code null} to tell it from the extension
     * @return these options with another input format
     */
    public BatchOptions withInputFormat(InputFormat format) {
        return new BatchOptions(format, outputFormat, threads, ignoreUnknownColumns, progressInterval, progress,
                explain, compression, report);
    }

    /**
     * @param format the output format
     * @return these options with another output format
     */
    public BatchOptions withOutputFormat(OutputFormat format) {
        return new BatchOptions(inputFormat, format, threads, ignoreUnknownColumns, progressInterval, progress,
                explain, compression, report);
    }

    /**
     * @param count how many questionnaires to assess at once, at least 1
     * @return these options with another thread count
     */
    public BatchOptions withThreads(int count) {
        return new BatchOptions(inputFormat, outputFormat, count, ignoreUnknownColumns, progressInterval, progress,
                explain, compression, report);
    }

    /**
     * @param ignore whether CSV columns that are not question ids are dropped rather than refused
     * @return these options with that choice
     */
    public BatchOptions withIgnoreUnknownColumns(boolean ignore) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignore, progressInterval, progress,
                explain, compression, report);
    }

    /**
     * @param interval the least time between two reports
     * @param listener told about progress on the thread that runs the batch, or {@code null}
     * @return these options with that progress listener
     */
    public BatchOptions withProgress(Duration interval, Consumer<BatchProgress> listener) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignoreUnknownColumns, interval, listener, explain,
                compression, report);
    }

    /**
     * @param level how much of the explanation JSON Lines results keep
     * @return these options with that level
     */
    public BatchOptions withExplain(Explain level) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignoreUnknownColumns, progressInterval, progress,
                level, compression, report);
    }

    /**
     * @param c how the results are compressed, e.g. {@code Compression.of(resultsPath)}
     * @return these options with that compression
     */
    public BatchOptions withCompression(Compression c) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignoreUnknownColumns, progressInterval, progress,
                explain, c, report);
    }

    /**
     * @param collector a report that the batch fills as it runs (every assessment and rejected record), or
     *                  {@code null}; one collector per batch
     * @return these options with that report
     */
    public BatchOptions withReport(PopulationReport collector) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignoreUnknownColumns, progressInterval, progress,
                explain, compression, collector);
    }
}

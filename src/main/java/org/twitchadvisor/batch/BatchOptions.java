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
 */
public record BatchOptions(InputFormat inputFormat, OutputFormat outputFormat, int threads,
                           boolean ignoreUnknownColumns, Duration progressInterval, Consumer<BatchProgress> progress) {

    /** How the input is laid out. */
    public enum InputFormat {
        /** A header of question ids, then one respondent per row (cells as the questionnaire contract says). */
        CSV,
        /** One questionnaire, a JSON object, per line. */
        JSON_LINES,
        /** A folder of {@code *.json} files, one questionnaire each, taken in file-name order. */
        JSON_FOLDER;

        /**
         * The format a path's name or kind implies: a folder, {@code .csv}, or {@code .jsonl}/{@code .ndjson}.
         *
         * @param path the input
         * @return the format, or {@code null} when the path does not say
         */
        public static InputFormat of(Path path) {
            if (Files.isDirectory(path)) {
                return JSON_FOLDER;
            }
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** @return JSON Lines out, input format from the extension, one thread per core, no progress reports */
    public static BatchOptions defaults() {
        return new BatchOptions(null, OutputFormat.JSONL, Runtime.getRuntime().availableProcessors(), false,
                Duration.ofSeconds(1), null);
    }

    /**
     * @param format the input format, or {@code null} to tell it from the extension
     * @return these options with another input format
     */
    public BatchOptions withInputFormat(InputFormat format) {
        return new BatchOptions(format, outputFormat, threads, ignoreUnknownColumns, progressInterval, progress);
    }

    /**
     * @param format the output format
     * @return these options with another output format
     */
    public BatchOptions withOutputFormat(OutputFormat format) {
        return new BatchOptions(inputFormat, format, threads, ignoreUnknownColumns, progressInterval, progress);
    }

    /**
     * @param count how many questionnaires to assess at once, at least 1
     * @return these options with another thread count
     */
    public BatchOptions withThreads(int count) {
        return new BatchOptions(inputFormat, outputFormat, count, ignoreUnknownColumns, progressInterval, progress);
    }

    /**
     * @param ignore whether CSV columns that are not question ids are dropped rather than refused
     * @return these options with that choice
     */
    public BatchOptions withIgnoreUnknownColumns(boolean ignore) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignore, progressInterval, progress);
    }

    /**
     * @param interval the least time between two reports
     * @param listener told about progress on the thread that runs the batch, or {@code null}
     * @return these options with that progress listener
     */
    public BatchOptions withProgress(Duration interval, Consumer<BatchProgress> listener) {
        return new BatchOptions(inputFormat, outputFormat, threads, ignoreUnknownColumns, interval, listener);
    }
}

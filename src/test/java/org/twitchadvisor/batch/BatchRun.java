package org.twitchadvisor.batch;

import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One batch run in memory: its summary, the results and the error records as text. */
record BatchRun(BatchSummary summary, String results, String errors) {

    List<String> resultLines() {
        return results.lines().toList();
    }

    List<String> errorLines() {
        return errors.lines().toList();
    }

    static BatchRun of(String input, BatchOptions options) {
        return of(TwitchAdvisor.bundled(), input.getBytes(StandardCharsets.UTF_8), options);
    }

    static BatchRun of(TwitchAdvisor advisor, byte[] input, BatchOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            BatchSummary s = new BatchRunner(advisor, options).run(new ByteArrayInputStream(input), "survey", out, err);
            return new BatchRun(s, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BatchRun of(Path input, BatchOptions options) {
        return of(TwitchAdvisor.bundled(), input, options);
    }

    static BatchRun of(TwitchAdvisor advisor, Path input, BatchOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            BatchSummary s = new BatchRunner(advisor, options).run(input, out, err);
            return new BatchRun(s, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options for a CSV on standard input, on two threads so the ordering is exercised. */
    static BatchOptions csv() {
        return BatchOptions.defaults().withInputFormat(BatchOptions.InputFormat.CSV).withThreads(2);
    }

    static BatchOptions jsonLines() {
        return BatchOptions.defaults().withInputFormat(BatchOptions.InputFormat.JSON_LINES).withThreads(2);
    }
}

package org.twitchadvisor.batch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The batch's output, byte for byte, on 3,000 rows of the shared realistic population
 * ({@code ../shared/bench/population.py 3000 population-3000.csv 100}), against files the batch command wrote
 * before the performance work began: no speed-up may change a single byte of what is written.
 */
class PopulationGoldenTest {
    private static final String FOLDER = "population/";
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    @ParameterizedTest(name = "{0} on {1} thread(s)")
    @CsvSource({"JSONL, 2, results.jsonl", "JSONL, 1, results.jsonl", "CSV, 2, results.csv", "CSV, 1, results.csv"})
    void theOutputIsByteForByteWhatItWasBefore(BatchOptions.OutputFormat format, int threads, String golden) throws IOException {
        byte[] survey = gunzip("population-3000.csv.gz");
        BatchOptions options = BatchOptions.defaults().withInputFormat(BatchOptions.InputFormat.CSV)
                .withOutputFormat(format).withThreads(threads);
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        BatchSummary summary = new BatchRunner(ADVISOR, options)
                .run(new ByteArrayInputStream(survey), "population-3000.csv", results, errors);
        assertEquals(3000, summary.rowsRead());
        assertTrue(summary.rejected() > 0, "the population has invalid rows, so the errors file is checked too");
        sameBytes(golden, gunzip(golden + ".gz"), results.toByteArray());
        sameBytes("errors.jsonl", gunzip("errors.jsonl.gz"), errors.toByteArray());
    }

    /** Equal bytes, or a failure naming the first line that differs (a 25 MB diff helps nobody). */
    private static void sameBytes(String name, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        List<String> want = new String(expected, StandardCharsets.UTF_8).lines().toList();
        List<String> got = new String(actual, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                assertEquals(want.get(i), got.get(i), name + ": line " + (i + 1) + " differs");
            }
        }
        fail(name + ": " + got.size() + " lines where " + want.size() + " were expected, or the line ends differ");
    }

    private static byte[] gunzip(String resource) throws IOException {
        try (InputStream in = PopulationGoldenTest.class.getResourceAsStream(FOLDER + resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + FOLDER + resource);
            }
            try (InputStream gz = new GZIPInputStream(in)) {
                return gz.readAllBytes();
            }
        }
    }
}

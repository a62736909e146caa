import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Steady-state cost of one row, stage by stage, on one thread: validating the cells, assessing (rules and
 * explanations) and writing the JSON line. Unlike the end-to-end batch benchmark it leaves out reading,
 * ordering and writing the files, and runs the same rows until the JIT compiler has settled, so a change to
 * one stage shows as a change of a few microseconds rather than drowning in run-to-run noise.
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -Xmx1g -cp target/twitch.jar bench/AssessBench.java bench/out/survey-200000-42.csv [rows] [rounds] [threads]
 * </pre>
 *
 * <p>With more than one thread, each thread runs the whole loop on its own share of the rows and the figures
 * are per row of one thread (so equal figures for 1 and 2 threads mean the threads do not slow each other),
 * followed by the rows per second of all threads together.
 */
public class AssessBench {
    public static void main(String[] args) throws Exception {
        File csv = new File(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<Map<String, String>> cells = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(csv)) {
            String[] header = it.next();
            while (it.hasNext() && cells.size() < rows) {
                String[] row = it.next();
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.length && i < row.length; i++) {
                    if (!row[i].isEmpty()) {
                        m.put(header[i], row[i]);
                    }
                }
                cells.add(m);
            }
        }
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        System.out.printf("%d rows, %d rounds, %d threads; microseconds per row%n", cells.size(), rounds, threads);
        System.out.printf("%-6s %8s %8s %8s %8s %10s%n", "round", "validate", "assess", "json", "total", "rows/s");
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, 0};
        for (int round = 1; round <= rounds; round++) {
            long[][] times = new long[threads][3];
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                List<Map<String, String>> share = cells.subList(t * cells.size() / threads, (t + 1) * cells.size() / threads);
                long[] time = times[t];
                Thread w = new Thread(() -> run(advisor, share, time));
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double[] r = new double[5];
            for (long[] time : times) {
                for (int i = 0; i < 3; i++) {
                    r[i] += time[i] / (cells.size() * 1000.0);
                }
            }
            r[3] = r[0] + r[1] + r[2];
            r[4] = cells.size() / wall;
            for (int i = 0; i < 4; i++) {
                best[i] = Math.min(best[i], r[i]);
            }
            best[4] = Math.max(best[4], r[4]);
            System.out.printf("%-6d %8.1f %8.1f %8.1f %8.1f %10.0f%n", round, r[0], r[1], r[2], r[3], r[4]);
        }
        System.out.printf("%-6s %8.1f %8.1f %8.1f %8.1f %10.0f%n", "best", best[0], best[1], best[2], best[3], best[4]);
    }

    /** Validates, assesses and writes each row, adding the nanoseconds of each stage to {@code time}. */
    private static void run(TwitchAdvisor advisor, List<Map<String, String>> rows, long[] time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            for (Map<String, String> row : rows) {
                long t0 = System.nanoTime();
                Questionnaire q;
                try {
                    q = advisor.fromCsvCells(row);
                } catch (InvalidQuestionnaireException e) {
                    time[0] += System.nanoTime() - t0;
                    continue;
                }
                long t1 = System.nanoTime();
                Assessment a = advisor.assess(q);
                long t2 = System.nanoTime();
                out.reset();
                advisor.writeJson(a, out);
                long t3 = System.nanoTime();
                time[0] += t1 - t0;
                time[1] += t2 - t1;
                time[2] += t3 - t2;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.batch.BatchOptions;
import org.twitchadvisor.batch.BatchRunner;
import org.twitchadvisor.batch.BatchSummary;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The whole batch pipeline (reader, workers, ordered writer) run again and again in one JVM, all cores and one
 * thread turn about, writing to a null stream: once the JIT compiler has settled, it shows what the pipeline itself
 * does with a second thread, apart from the warm-up and the disk that the end-to-end benchmark includes.
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -Xmx512m -XX:+UseParallelGC -cp target/twitch.jar bench/WarmBatchBench.java bench/out/pop-200k.csv [rounds=3]
 * </pre>
 *
 * The first all-cores run includes the warm-up; compare the later ones.
 */
public final class WarmBatchBench {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        for (int round = 0; round <= rounds; round++) {
            for (int threads : round == 0 ? new int[] {cores} : new int[] {1, cores}) {
                long start = System.nanoTime();
                BatchSummary summary = new BatchRunner(advisor, BatchOptions.defaults().withThreads(threads))
                        .run(input, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s threads=%d: %.1f s, %.0f rows/s%n", round == 0 ? "warm-up" : "round " + round,
                        threads, seconds, summary.rowsRead() / seconds);
            }
        }
    }
}

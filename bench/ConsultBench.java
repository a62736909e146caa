import org.twitchadvisor.Consultation;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.StopRule;
import org.twitchadvisor.TwitchAdvisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How long the next question takes: the time of one {@code advisor.consultation(...)} call at every step of the
 * consultations on the example people (from {@code {"twitching": true}}, answered from each file as the tests do),
 * after a warm-up, on the calling thread only.
 *
 * <pre>
 * mvn -q package -DskipTests
 * taskset -c 0 java -cp "target/twitch.jar:target/lib/*" bench/ConsultBench.java [warm-up rounds] [measured rounds]
 * </pre>
 */
public class ConsultBench {
    record Step(Questionnaire answers, Set<String> skipped) {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("facts/examples"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            steps.put(f.getFileName().toString(), replay(advisor, advisor.readJson(Files.readAllBytes(f))));
        }
        int total = steps.values().stream().mapToInt(List::size).sum();
        for (int r = 0; r < warmup; r++) {
            steps.values().forEach(list -> list.forEach(s -> advisor.consultation(s.answers(), s.skipped(), StopRule.ALL_FINDINGS)));
        }
        List<Double> all = new ArrayList<>();
        System.out.printf("%d consultation steps on %d example people, %d warm-up rounds, %d measured rounds%n",
                total, files.size(), warmup, rounds);
        for (Map.Entry<String, List<Step>> e : steps.entrySet()) {
            List<Double> times = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (Step s : e.getValue()) {
                    long t0 = System.nanoTime();
                    advisor.consultation(s.answers(), s.skipped(), StopRule.ALL_FINDINGS);
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            all.addAll(times);
            System.out.printf("  %-28s %2d steps  median %6.2f ms  p90 %6.2f ms  max %6.2f ms%n", e.getKey(),
                    e.getValue().size(), pct(times, 50), pct(times, 90), pct(times, 100));
        }
        System.out.printf("all steps: median %.2f ms, p90 %.2f ms, max %.2f ms%n", pct(all, 50), pct(all, 90), pct(all, 100));
    }

    /** The steps of one consultation: answers and skips before each call. */
    static List<Step> replay(TwitchAdvisor advisor, Questionnaire full) {
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("twitching", Boolean.TRUE));
        Set<String> skipped = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        while (true) {
            Step s = new Step(new Questionnaire(full.respondent(), answers), Set.copyOf(skipped));
            steps.add(s);
            Consultation c = advisor.consultation(s.answers(), s.skipped(), StopRule.ALL_FINDINGS);
            if (c.stop()) {
                return steps;
            }
            String q = c.next().get(0).question();
            if (full.answers().containsKey(q)) {
                answers.put(q, full.answers().get(q));
            } else {
                skipped.add(q);
            }
        }
    }

    static double pct(List<Double> values, int p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }
}
